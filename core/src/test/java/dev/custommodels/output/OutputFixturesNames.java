package dev.custommodels.output;

/** How names appear in messages (control characters escaped). */
final class OutputFixturesNames {
    private OutputFixturesNames() {
    }

    static String shown(String name) {
        String s = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return s.replace("\t", "\\u0009");
    }
}
