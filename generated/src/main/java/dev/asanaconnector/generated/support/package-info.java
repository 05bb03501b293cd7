/**
 * Handwritten support for the generated Retrofit interfaces and Moshi models: JSON adapters for the
 * spec's date, decimal and URI formats, forward-compatible enums, comma-joined array query parameters,
 * and {@link dev.asanaconnector.generated.support.AsanaRetrofit}, which wires them into a Retrofit
 * instance.
 */
package dev.asanaconnector.generated.support;
