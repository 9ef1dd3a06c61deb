package io.creditquery.code;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure validation of subject codes with precise reasons. Normalisation forgives what people type by accident
 * (surrounding spaces, full-width characters, lowercase, the hyphen of an organisation code); the reasons say
 * what was changed so a form can show it.
 */
public final class CodeValidator {

    /** GB 32100-2015 character set: digits and capital letters except I, O, S, V, Z. */
    public static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final int MAX_INPUT = 64;
    /** Positions 3-8 of a USCC registered at the national level (central organs), which no GB/T 2260 list has. */
    private static final String NATIONAL_LEVEL = "100000";

    private CodeValidator() {
    }

    /** Trims, folds full-width ASCII to half-width, removes inner spaces and the org-code hyphen, uppercases. */
    public static String normalize(String input) {
        if (input == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            if (c == ' ' || c == '\t') {
                continue;
            }
            out.append(Character.toUpperCase(c));
        }
        String result = out.toString();
        if (result.length() == 10 && result.charAt(8) == '-') {
            result = result.substring(0, 8) + result.charAt(9);
        }
        return result;
    }

    /** Detects the kind from the shape and validates it. */
    public static CodeCheck check(String input) {
        String code = normalize(input);
        if (code.isEmpty()) {
            return new CodeCheck(input, code, CodeKind.UNKNOWN, false, List.of("code is empty"));
        }
        if (code.length() > MAX_INPUT) {
            return new CodeCheck(truncate(input), truncate(code), CodeKind.UNKNOWN, false,
                    List.of("code is " + code.length() + " characters long; no subject code is longer than 18"));
        }
        return switch (code.length()) {
            case 18 -> looksLikeCitizenId(code) ? check(input, code, CodeKind.CITIZEN_ID) : check(input, code, CodeKind.USCC);
            case 15 -> check(input, code, CodeKind.REGISTRATION_NO);
            case 9 -> check(input, code, CodeKind.ORG_CODE);
            default -> new CodeCheck(input, code, CodeKind.UNKNOWN, false, List.of("length is " + code.length()
                    + "; expected 18 (unified social credit code or citizen ID), 15 (registration number)"
                    + " or 9 (organisation code)"));
        };
    }

    /** Validates as the given kind. */
    public static CodeCheck check(String input, CodeKind kind) {
        return check(input, normalize(input), kind);
    }

    private static CodeCheck check(String input, String code, CodeKind kind) {
        List<String> errors = switch (kind) {
            case USCC -> usccErrors(code);
            case CITIZEN_ID -> citizenIdErrors(code);
            case REGISTRATION_NO -> registrationNoErrors(code);
            case ORG_CODE -> orgCodeErrors(code, 1);
            case UNKNOWN -> List.of("unknown code kind");
        };
        return new CodeCheck(input, code, kind, errors.isEmpty(), List.copyOf(errors));
    }

    /**
     * 18 characters, digits only but for a last X: whichever of the two checks passes; if both or neither do,
     * a citizen ID when characters 7-14 are a plausible birth date. {@code ?kind=} settles the rare tie.
     */
    private static boolean looksLikeCitizenId(String code) {
        for (int i = 0; i < 17; i++) {
            if (!isDigit(code.charAt(i))) {
                return false;
            }
        }
        char last = code.charAt(17);
        if (!isDigit(last) && last != 'X') {
            return false;
        }
        boolean idValid = citizenIdErrors(code).isEmpty();
        boolean usccValid = usccErrors(code).isEmpty();
        if (idValid != usccValid) {
            return idValid;
        }
        LocalDate birth = birthDate(code);
        if (birth != null) {
            return birth.getYear() >= 1900 && !birth.isAfter(LocalDate.now());
        }
        // Neither is valid and there is no birth date: a citizen ID mistyped in its date (month 13, 30 February)
        // still starts with a division and a year, which no USCC's positions 1-10 do together.
        int year = Integer.parseInt(code.substring(6, 10));
        return AdministrativeDivisions.province(code.substring(0, 6)) != null && year >= 1900
                && year <= LocalDate.now().getYear() && UsccCategories.refusal(code.charAt(0), code.charAt(1)) != null;
    }

    static List<String> usccErrors(String code) {
        List<String> errors = new ArrayList<>();
        if (code.length() != 18) {
            errors.add("length is " + code.length() + ", a unified social credit code has 18 characters");
            return errors;
        }
        for (int i = 0; i < 18; i++) {
            char c = code.charAt(i);
            if (USCC_CHARSET.indexOf(c) < 0) {
                errors.add("character " + (i + 1) + " '" + printable(c) + "' is not allowed"
                        + " (allowed: 0-9 and A-H, J-N, P-R, T, U, W-Y)");
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        String category = UsccCategories.refusal(code.charAt(0), code.charAt(1));
        if (category != null) {
            errors.add(category);
        }
        boolean divisionDigits = true;
        for (int i = 2; i < 8; i++) {
            if (!isDigit(code.charAt(i))) {
                errors.add("characters 3-8 are the administrative division code and must be digits;"
                        + " character " + (i + 1) + " is '" + code.charAt(i) + "'");
                divisionDigits = false;
                break;
            }
        }
        if (divisionDigits && !code.startsWith(NATIONAL_LEVEL, 2)) {
            String division = divisionRefusal(code.substring(2, 8), "characters 3-8");
            if (division != null) {
                errors.add(division + " (the registration authority's division)");
            }
        }
        errors.addAll(orgCodeErrors(code.substring(8, 17), 9));
        char expected = USCC_CHARSET.charAt(usccCheckChar(code));
        if (code.charAt(17) != expected) {
            errors.add("check character (position 18) should be " + expected + ", not " + code.charAt(17));
        }
        return errors;
    }

    /** Returns the index of the check character in the charset for the first 17 characters, or -1. */
    public static int usccCheckChar(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = USCC_CHARSET.indexOf(code.charAt(i));
            if (value < 0) {
                return -1;
            }
            sum += value * USCC_WEIGHTS[i];
        }
        return (31 - sum % 31) % 31;
    }

    /** Organisation code (GB 11714): 8 body characters (digits, capital letters) and a mod-11 check (10 → X, 11 → 0). */
    static List<String> orgCodeErrors(String code, int firstPosition) {
        List<String> errors = new ArrayList<>();
        String label = firstPosition == 1 ? "" : " of the organisation code (positions " + firstPosition + "-"
                + (firstPosition + 8) + ")";
        if (code.length() != 9) {
            errors.add("length is " + code.length() + ", an organisation code has 9 characters");
            return errors;
        }
        for (int i = 0; i < 9; i++) {
            char c = code.charAt(i);
            boolean ok = isDigit(c) || (c >= 'A' && c <= 'Z');
            if (!ok) {
                errors.add("character " + (firstPosition + i) + " '" + printable(c) + "' is not allowed in an"
                        + " organisation code (0-9, A-Z)");
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        char expected = orgCodeCheckChar(code);
        if (code.charAt(8) != expected) {
            errors.add("check character" + label + " at position " + (firstPosition + 8) + " should be "
                    + expected + ", not " + code.charAt(8));
        }
        return errors;
    }

    public static char orgCodeCheckChar(String code) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = code.charAt(i);
            int value = isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    static List<String> citizenIdErrors(String code) {
        List<String> errors = new ArrayList<>();
        if (code.length() != 18) {
            errors.add("length is " + code.length() + ", a citizen ID has 18 characters");
            return errors;
        }
        for (int i = 0; i < 17; i++) {
            if (!isDigit(code.charAt(i))) {
                errors.add("character " + (i + 1) + " '" + printable(code.charAt(i)) + "' must be a digit");
            }
        }
        char last = code.charAt(17);
        if (!isDigit(last) && last != 'X') {
            errors.add("character 18 '" + printable(last) + "' must be a digit or X");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        LocalDate birth = birthDate(code);
        String division = code.substring(0, 6);
        String divisionRefusal = divisionRefusal(division, "characters 1-6");
        if (divisionRefusal != null) {
            errors.add(divisionRefusal);
        } else if (birth != null) {
            String atBirth = divisionAtBirth(division, birth.getYear());
            if (atBirth != null) {
                errors.add(atBirth);
            }
        }
        if (birth == null) {
            errors.add(birthDateReason(code.substring(6, 14)));
        } else if (birth.isAfter(LocalDate.now()) || birth.getYear() < 1900) {
            errors.add("birth date " + birth + " (characters 7-14) is out of range");
        }
        char expected = citizenIdCheckChar(code);
        if (last != expected) {
            errors.add("check character (position 18) should be " + expected + ", not " + last);
        }
        return errors;
    }

    public static char citizenIdCheckChar(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (code.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    /**
     * Why a six-digit code is no administrative division (GB/T 2260), or null: its province must exist, and the code
     * itself must be in a list, or a current division must share its first four digits (a county created after the
     * newest list, 2019-04, is not refused).
     */
    private static String divisionRefusal(String division, String positions) {
        if (AdministrativeDivisions.province(division) == null) {
            return positions + " (" + division + "): " + division.substring(0, 2) + " is no province-level division"
                    + " (GB/T 2260)";
        }
        if (AdministrativeDivisions.find(division) == null && !AdministrativeDivisions.underCurrentPrefecture(division)) {
            return positions + " (" + division + ") are no administrative division: the code is in no GB/T 2260 list"
                    + " (1980–2019) and no current division starts with " + division.substring(0, 4);
        }
        return null;
    }

    /**
     * Why a citizen ID's division cannot be the one its number was given with, or null: a division abolished before
     * the birth year can be no one's. A division created after the birth can be: numbers of people born before
     * GB 11643-1999 were given at a later first registration, and late birth registrations (the 2015-2016 campaign
     * for the unregistered) give today's division; so that is not refused. (python-stdnum refuses it; its vector
     * 110111198012010078 is accepted here for that reason.)
     */
    private static String divisionAtBirth(String code, int birthYear) {
        AdministrativeDivisions.Division division = AdministrativeDivisions.find(code);
        if (division == null || birthYear <= division.lastYear()) {
            return null;
        }
        return "characters 1-6: " + code + " (" + AdministrativeDivisions.fullName(code) + ") was abolished after "
                + division.lastYear() + ", before the birth year " + birthYear;
    }

    /** What is wrong with characters 7-14 that are no date: the month, the day of that month, or the year. */
    private static String birthDateReason(String yyyymmdd) {
        int year = Integer.parseInt(yyyymmdd.substring(0, 4));
        int month = Integer.parseInt(yyyymmdd.substring(4, 6));
        int day = Integer.parseInt(yyyymmdd.substring(6, 8));
        String prefix = "characters 7-14 (" + yyyymmdd + ") are not a valid birth date: ";
        if (month < 1 || month > 12) {
            return prefix + "there is no month " + yyyymmdd.substring(4, 6) + " (characters 11-12)";
        }
        int days = java.time.YearMonth.of(Math.max(year, 1), month).lengthOfMonth();
        return prefix + (day == 0 ? "there is no day 00" : month + "/" + year + " has " + days + " days, not " + day)
                + " (characters 13-14)";
    }

    private static LocalDate birthDate(String code) {
        try {
            return LocalDate.of(Integer.parseInt(code.substring(6, 10)), Integer.parseInt(code.substring(10, 12)),
                    Integer.parseInt(code.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    static List<String> registrationNoErrors(String code) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < code.length(); i++) {
            if (!isDigit(code.charAt(i))) {
                errors.add("character " + (i + 1) + " '" + printable(code.charAt(i)) + "' must be a digit");
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        char expected = registrationNoCheckDigit(code);
        if (code.charAt(14) != expected) {
            errors.add("check digit (position 15) should be " + expected + ", not " + code.charAt(14));
        }
        return errors;
    }

    /** ISO 7064 MOD 11,10 over the first 14 digits. */
    public static char registrationNoCheckDigit(String code) {
        int p = 10;
        for (int i = 0; i < 14; i++) {
            int s = (p + (code.charAt(i) - '0')) % 10;
            if (s == 0) {
                s = 10;
            }
            p = (s * 2) % 11;
        }
        return (char) ('0' + (11 - p) % 10);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String printable(char c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_INPUT ? s : s.substring(0, MAX_INPUT) + "…";
    }
}
