package dev.tokendesk.console.settings;

import dev.tokendesk.config.TokenDeskConfig;
import dev.tokendesk.db.Database;
import java.time.Duration;
import java.util.regex.Pattern;

/** Formats configuration values for the Settings screen, with passwords removed. Thread-safe. */
final class ConfigText {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]*):[^/@]*@");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ConfigText() {
    }

    /** Returns the database's JDBC URL with any password replaced by {@code ***}, marked as embedded H2 when it is. */
    static String databaseUrl(TokenDeskConfig config) {
        String url = Database.jdbcUrl(config);
        url = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        url = USER_INFO_PASSWORD.matcher(url).replaceAll("$1:***@");
        return config.usesEmbeddedDatabase() ? "Embedded H2: " + url : url;
    }

    /** Returns a lifetime such as {@code 30 days}, {@code 12 hours} or {@code 45 minutes}. */
    static String lifetime(Duration duration) {
        if (duration.toDaysPart() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return plural(duration.toHours(), "hour");
        }
        if (duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            return plural(duration.toMinutes(), "minute");
        }
        return duration.toString();
    }

    /**
     * Returns a duration as {@code tokendesk.properties} takes it: {@code 30d}, {@code 12h},
     * {@code 45m} or {@code 90s} when whole, otherwise ISO-8601 such as {@code PT1.5S}.
     */
    static String durationSetting(Duration duration) {
        if (duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() + "d";
        }
        if (duration.equals(Duration.ofHours(duration.toHours()))) {
            return duration.toHours() + "h";
        }
        if (duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            return duration.toMinutes() + "m";
        }
        if (duration.equals(Duration.ofSeconds(duration.toSeconds()))) {
            return duration.toSeconds() + "s";
        }
        return duration.toString();
    }

    /** Returns a default token expiry code as the form shows it, such as {@code 30 days} for {@code 30d}. */
    static String expiryLabel(String code) {
        if (code == null) {
            return "";
        }
        if ("never".equals(code)) {
            return "Never";
        }
        return plural(Long.parseLong(code.substring(0, code.length() - 1)), "day");
    }

    /** Returns whether {@code address} is an IPv4 or IPv6 literal; host names are not accepted. */
    static boolean isIpLiteral(String address) {
        var ipv4 = IPV4.matcher(address);
        if (ipv4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(ipv4.group(group)) > 255) {
                    return false;
                }
            }
            return true;
        }
        return IPV6.matcher(address).matches();
    }

    /** Returns whether {@code address} keeps the API on this computer. */
    static boolean isLoopback(String address) {
        return "127.0.0.1".equals(address) || "::1".equals(address);
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
