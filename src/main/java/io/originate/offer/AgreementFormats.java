package io.originate.offer;

import io.originate.shared.BusinessTime;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the agreement writes values for a reader, not a machine (the template calls these as
 * {@code ${fmt.money(d.principal)}}): amounts with separators and 元, dates in Chinese, times in
 * the lender's zone, rates as percentages, periods in days.
 */
final class AgreementFormats {

    private final BusinessTime businessTime;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    AgreementFormats(BusinessTime businessTime) {
        this.businessTime = businessTime;
    }

    /** 2000.00 → "2,000.00 元" (CNY); other currencies keep their code. */
    public String money(String amount, String currency) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String value = f.format(new BigDecimal(amount));
        return "CNY".equals(currency) ? value + " 元" : value + " " + currency;
    }

    /** 0.1271 → "12.71%". */
    public String percent(String rate) {
        return new BigDecimal(rate)
                        .movePointRight(2)
                        .setScale(2, java.math.RoundingMode.HALF_UP)
                        .toPlainString() + "%";
    }

    /** 2026-12-09 → "2026年12月9日". */
    public String date(String isoDate) {
        return LocalDate.parse(isoDate).format(DATE);
    }

    /** An instant in the lender's zone → "2026年12月9日 18:00（北京时间 Beijing time）". */
    public String time(String isoInstant) {
        return Instant.parse(isoInstant).atZone(businessTime.zone()).format(TIME) + "（" + businessTime.zoneLabel()
                + "）";
    }

    public String time(Instant instant) {
        return time(instant.toString());
    }

    /** An ISO-8601 duration or period → "7 天 / 7 days" ("1 个月 / 1 month"), or "无 / none" for zero. */
    public String days(String iso) {
        if (iso.contains("T")) {
            long hours = Duration.parse(iso).toHours();
            if (hours == 0) {
                return "无 / none";
            }
            return hours % 24 == 0 ? count(hours / 24, "天", "day") : count(hours, "小时", "hour");
        }
        Period p = Period.parse(iso).normalized();
        if (p.isZero()) {
            return "无 / none";
        }
        return p.getYears() == 0 && p.getMonths() == 0
                ? count(p.getDays(), "天", "day")
                : count(p.toTotalMonths(), "个月", "month")
                        + (p.getDays() == 0 ? "" : "，" + count(p.getDays(), "天", "day"));
    }

    private static String count(long n, String zh, String en) {
        return n + " " + zh + " / " + n + " " + en + (n == 1 ? "" : "s");
    }

    /** EQUAL_INSTALMENTS → "等额本息 / equal monthly instalments". */
    public String repayment(String method) {
        return "EQUAL_PRINCIPAL".equals(method)
                ? "等额本金 / equal principal each month"
                : "等额本息 / equal monthly instalments";
    }
}
