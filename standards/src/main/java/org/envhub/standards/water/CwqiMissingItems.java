package org.envhub.standards.water;

/**
 * What the CWQI does when some of the 21 evaluated items were not measured; the 2017 rule sums over all
 * 21 and does not say.
 */
public enum CwqiMissingItems {
    /**
     * Default: sum over the items present, and say how many ({@link Cwqi#items()}). Sections measured for
     * fewer items come out lower (better) than they would in full; reports show the count so that a
     * reader can see it.
     */
    SUM_PRESENT,
    /** No CWQI unless all 21 items are present: the section (and so its city) is not ranked. */
    NOT_COMPUTED
}
