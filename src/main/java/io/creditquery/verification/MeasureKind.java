package io.creditquery.verification;

/** What a joint reward/punishment measure does, and the verdict it leads to. */
public enum MeasureKind {
    PROHIBIT(Verdict.BLOCK),
    RESTRICT(Verdict.CAUTION),
    HEIGHTENED_SUPERVISION(Verdict.CAUTION),
    PRIORITY(Verdict.REWARD),
    GREEN_CHANNEL(Verdict.REWARD),
    REDUCED_INSPECTION(Verdict.REWARD);

    private final Verdict verdict;

    MeasureKind(Verdict verdict) {
        this.verdict = verdict;
    }

    public Verdict verdict() {
        return verdict;
    }
}
