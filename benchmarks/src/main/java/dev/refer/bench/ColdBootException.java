package dev.refer.bench;

/** A function could not boot and answer its event the way the managed runtime would run it. */
final class ColdBootException extends Exception {

    ColdBootException(String message) {
        super(message);
    }
}
