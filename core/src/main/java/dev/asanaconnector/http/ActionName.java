package dev.asanaconnector.http;

/**
 * The connector action a request belongs to ({@code tasks create}), carried as a request tag so that the
 * stack can name it, e.g. when a read-only client refuses a write.
 *
 * @param name the entity and action, as {@code execute} takes them
 */
public record ActionName(String name) {
}
