package io.originate.decision;

/** Asks the approval table for one staff level's authority limit and escalation. */
public record AuthorityQuery(String group) {}
