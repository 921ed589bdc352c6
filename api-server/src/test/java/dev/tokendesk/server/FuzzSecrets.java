package dev.tokendesk.server;

import java.util.List;

/**
 * The credentials that {@link HttpFuzzTest} puts into requests, and the fragments of them that no
 * response may contain. A fragment is 16 characters from inside the secret, so a shortened or
 * partly masked echo is caught as well as a whole one.
 */
record FuzzSecrets(String tokenA, String tokenB, String jwt, String password) {

    List<String> fragments() {
        String signature = jwt.substring(jwt.lastIndexOf('.') + 1);
        return List.of(tokenA.substring(4, 20), tokenB.substring(4, 20), tokenA.substring(30, 46), signature.substring(0, 16), password);
    }
}
