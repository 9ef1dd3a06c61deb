package io.creditquery.evaluation;

/** Grades of the public credit comprehensive evaluation (公共信用综合评价), best first. */
public enum Grade {
    A("守信"), B("基本守信"), C("失信风险"), D("严重失信");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this grade is worse than {@code other}. */
    public boolean worseThan(Grade other) {
        return compareTo(other) > 0;
    }
}
