package io.creditquery.verification;

/** The answer of a credit check, strongest first: a prohibition outweighs a restriction outweighs a reward. */
public enum Verdict {
    BLOCK, CAUTION, REWARD, CLEAR
}
