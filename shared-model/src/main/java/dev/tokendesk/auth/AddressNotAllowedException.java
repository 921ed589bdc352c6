package dev.tokendesk.auth;

import dev.tokendesk.TokenDeskException;

/**
 * A valid API token was used from an address outside its IP allow-list. The HTTP layer responds
 * with 403, and the message names the address and never the token.
 */
public class AddressNotAllowedException extends TokenDeskException {

    private final String address;

    public AddressNotAllowedException(String address) {
        super("This API token may not be used from " + address);
        this.address = address;
    }

    public String address() {
        return address;
    }
}
