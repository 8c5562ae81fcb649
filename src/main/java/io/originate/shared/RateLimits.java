package io.originate.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) per limit and key: a client address, a mobile's keyed hash. Each limit
 * is {@code originate.limits.<name>: {capacity, period}}: at most capacity uses, refilled evenly
 * over the period. Buckets live in this node's memory and are forgotten after a quiet period;
 * with several nodes each node counts its own share.
 */
@Component
public class RateLimits {

    public static final String SUBMISSION_PER_ADDRESS = "submission-per-address";
    public static final String SUBMISSION_PER_MOBILE = "submission-per-mobile";
    public static final String OTP_PER_ADDRESS = "otp-per-address";
    public static final String OTP_PER_MOBILE = "otp-per-mobile";
    public static final String WEBHOOK_PER_ADDRESS = "webhook-per-address";
    public static final String LOGIN_FAILURES_PER_ADDRESS = "login-failures-per-address";
    public static final String STAFF_REVEALS_PER_USER = "staff-reveals-per-user";
    public static final String STAFF_SEARCHES_PER_USER = "staff-searches-per-user";

    public record Limit(long capacity, Duration period) {}

    @ConfigurationProperties("originate")
    public record Settings(Map<String, Limit> limits) {}

    private final Map<String, Limit> limits;
    private final Cache<String, Bucket> buckets;

    public RateLimits(Settings settings) {
        this.limits = Map.copyOf(settings.limits());
        Duration longest = limits.values().stream()
                .map(Limit::period)
                .max(Duration::compareTo)
                .orElse(Duration.ofHours(1));
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(longest)
                .maximumSize(500_000)
                .build();
    }

    /** Takes one use; empty when allowed, else how long until one is free again. */
    public Optional<Duration> tryConsume(String limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Empty while a use is left, without taking it; else how long until one is free again. */
    public Optional<Duration> exhausted(String limit, String key) {
        var estimate = bucket(limit, key).estimateAbilityToConsume(1);
        return estimate.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(estimate.getNanosToWaitForRefill()));
    }

    /** Takes one use if one is left (a failed login, counted after the fact). */
    public void spend(String limit, String key) {
        bucket(limit, key).tryConsume(1);
    }

    /**
     * The key of a client address: an IPv4 address as it is, an IPv6 address by its /64 network
     * (one subscriber usually holds a whole /64, and could otherwise take a new address per request).
     */
    public static String clientKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: nothing is looked up
            if (bytes.length != 16) {
                return address;
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** Seconds for a Retry-After header: at least one, rounded up. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private Bucket bucket(String limit, String key) {
        Limit l = limits.get(limit);
        if (l == null) {
            throw new IllegalStateException("originate.limits." + limit + " is not configured");
        }
        return buckets.get(limit + "|" + key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(l.capacity())
                        .refillGreedy(l.capacity(), l.period())
                        .build())
                .build());
    }
}
