package io.originate.disbursement;

/** The payout was refused for good (closed account, invalid details): a person must resolve it. */
class PayoutRejectedException extends RuntimeException {

    private final String code;

    PayoutRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
