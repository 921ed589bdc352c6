package dev.tokendesk.token;

import dev.tokendesk.ValidationException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Addresses and CIDR ranges, IPv4 and IPv6, from which a token may be used, such as
 * {@code 127.0.0.1, 10.0.0.0/8, ::1, fd00::/8}. Immutable and thread-safe. Only literal
 * addresses are accepted, so parsing never causes a DNS look-up.
 */
public final class IpAllowList {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final IpAllowList ANY = new IpAllowList(List.of(), "");

    private final List<Range> ranges;
    private final String text;

    private IpAllowList(List<Range> ranges, String text) {
        this.ranges = List.copyOf(ranges);
        this.text = text;
    }

    /** Returns the list that allows every address. */
    public static IpAllowList any() {
        return ANY;
    }

    /**
     * Parses a comma- or whitespace-separated list; blank text allows every address.
     *
     * @throws ValidationException naming the entry that is not an address or CIDR range
     */
    public static IpAllowList parse(String text) {
        if (text == null || text.isBlank()) {
            return ANY;
        }
        List<Range> ranges = new ArrayList<>();
        List<String> normalized = new ArrayList<>();
        for (String entry : text.trim().split("[,\\s]+")) {
            Range range = Range.parse(entry);
            ranges.add(range);
            normalized.add(range.toString());
        }
        String joined = String.join(", ", normalized);
        if (joined.length() > 2000) {
            throw ValidationException.of("allowedIps", "The IP allow-list is longer than 2000 characters");
        }
        return new IpAllowList(ranges, joined);
    }

    public boolean allowsAll() {
        return ranges.isEmpty();
    }

    /** Returns whether {@code address}, a literal IPv4 or IPv6 address, is in the list; an unparsable address is not. */
    public boolean allows(String address) {
        if (ranges.isEmpty()) {
            return true;
        }
        byte[] bytes = literalBytes(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the normalised list, or the empty string when every address is allowed. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAllowList list && list.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    private static byte[] literalBytes(String address) {
        if (address == null) {
            return null;
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.isEmpty() || !LITERAL.matcher(literal).matches()) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            return toIpv4IfMapped(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Treats {@code ::ffff:10.1.2.3} as {@code 10.1.2.3}, as dual-stack sockets report IPv4 clients. */
    private static byte[] toIpv4IfMapped(byte[] bytes) {
        if (bytes.length != 16) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return bytes;
        }
        return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
    }

    private record Range(byte[] network, int prefixLength, String text) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String addressPart = slash < 0 ? entry : entry.substring(0, slash);
            byte[] address = literalBytes(addressPart);
            if (address == null) {
                throw ValidationException.of("allowedIps", "Invalid IP allow-list entry '" + entry
                        + "': use an IPv4 or IPv6 address, optionally with a prefix length such as 10.0.0.0/8 or fd00::/8");
            }
            int bits = address.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw ValidationException.of("allowedIps", "Invalid prefix length in IP allow-list entry '" + entry
                            + "': use 0 to " + bits);
                }
            }
            byte[] network = mask(address, prefix);
            String text = slash < 0 ? addressPart : addressPart + "/" + prefix;
            return new Range(network, prefix, text);
        }

        boolean contains(byte[] address) {
            return address.length == network.length && java.util.Arrays.equals(mask(address, prefixLength), network);
        }

        private static byte[] mask(byte[] address, int prefix) {
            BigInteger value = new BigInteger(1, address);
            int bits = address.length * 8;
            BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
            BigInteger network = value.andNot(hostMask);
            byte[] raw = network.toByteArray();
            byte[] result = new byte[address.length];
            int copy = Math.min(raw.length, result.length);
            System.arraycopy(raw, raw.length - copy, result, result.length - copy, copy);
            return result;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
