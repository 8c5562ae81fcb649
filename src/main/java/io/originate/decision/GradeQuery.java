package io.originate.decision;

/** Asks the scorecard's grade table for the grade of a total of points. */
public record GradeQuery(int points) {}
