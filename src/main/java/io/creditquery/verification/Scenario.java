package io.creditquery.verification;

/** Business scenarios in which departments and agencies run credit checks (应用场景). */
public enum Scenario {
    GOVERNMENT_PROCUREMENT, TENDERING, ADMINISTRATIVE_LICENSING, MARKET_ENTRY, SUBSIDIES, HONOURS,
    PUBLIC_SERVANT_HIRING, FINANCING
}
