package dev.custommodels.implementation.run;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** New run ids: the UTC start time to the millisecond, then random hex, so ids sort by start time. */
final class RunIds {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    static String next(Clock clock) {
        return TIME.format(clock.instant()) + "-" + String.format(Locale.ROOT, "%08x", RANDOM.nextInt());
    }
}
