package dev.asanaconnector.generated.support;

/**
 * A generated enum that knows each value's name in Asana's JSON, so that it is read and written without
 * reading its constants' annotations (which costs a fresh JVM its first read of any record with one).
 */
public interface JsonEnum {
  /** This value as Asana's JSON spells it, or {@code null} for {@code UNRECOGNIZED}, which cannot be sent. */
  String jsonName();
}
