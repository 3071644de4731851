package org.envhub.hj212.codes;

/**
 * One row of the code table: a pollutant or parameter under its HJ 212-2017 and HJ/T 212-2005 codes.
 *
 * @param code2017   e.g. a21026; empty when 2017 has no such code (or it is not known)
 * @param code2005   e.g. 02; empty when 2005 has no such code
 * @param nameZh     Chinese name, e.g. 二氧化硫; may be empty for codes of unknown meaning
 * @param nameEn     English name
 * @param unit       unit of Rtd/Min/Avg/Max
 * @param amountUnit unit of Cou (the interval's total), may be empty
 * @param medium     flue-gas, water, ambient, facility or vendor
 * @param certainty  rulebook, traffic, probable, uncertain or unknown (see the CSV header)
 * @param note       free text
 */
public record PollutantCode(String code2017, String code2005, String nameZh, String nameEn, String unit,
                            String amountUnit, String medium, String certainty, String note) {

    /** Whether the mapping is safe to rely on (from the rulebook or checked on traffic). */
    public boolean confirmed() {
        return certainty.equals("rulebook") || certainty.equals("traffic");
    }
}
