package org.envhub.platform.water.cli;

import java.util.List;

import org.envhub.platform.cli.OutputFormat;
import org.envhub.standards.water.BelowDetection;
import org.envhub.standards.water.MainPollutantOptions;
import org.envhub.standards.water.WaterItem;
import org.envhub.standards.water.WaterOptions;
import org.envhub.standards.water.WaterRounding;
import org.envhub.standards.water.WaterRuleSet;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Parameters;

/** The options every {@code envhub water} command takes. */
public class WaterCliOptions {

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Wide CSV files (section,time,water_body,ph,do,…,fecal_coliform), .csv or .csv.gz: files, folders or globs.")
    List<String> inputs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FormatConverter.class,
            description = "table, csv or json (default: ${DEFAULT-VALUE}). CSV is UTF-8 with a header.")
    OutputFormat format;

    @Option(names = "--rules", paramLabel = "RULES", defaultValue = "gb3838-2002",
            description = "The rule set (default: ${DEFAULT-VALUE}, the only one so far).")
    String rules;

    @Option(names = "--rounding", paramLabel = "RULE", defaultValue = "2020",
            description = "2020: round each value half to even to its item's decimals before judging (修约值比较); "
                    + "none: judge full values (default: ${DEFAULT-VALUE}).")
    String rounding;

    @Option(names = "--ph-decimals", paramLabel = "N", defaultValue = "2",
            description = "Decimals pH is rounded to under --rounding 2020 (default: ${DEFAULT-VALUE}; 0 reads pH 5.9 as 6).")
    int phDecimals;

    @Option(names = "--below-detection", paramLabel = "RULE", defaultValue = "half-limit",
            description = "What 0.004L or <0.004 counts as: half-limit, limit or zero (default: ${DEFAULT-VALUE}).")
    String belowDetection;

    @Option(names = "--multiple-decimals", paramLabel = "N", defaultValue = "2",
            description = "Decimals of the exceedance multiples in main pollutants, NH3-N(0.52) (default: ${DEFAULT-VALUE}).")
    int multipleDecimals;

    @Option(names = "--ph-do-first",
            description = "Within a class, put pH and DO (which have no multiple) before the items with one (default: after).")
    boolean phAndDoFirst;

    @Option(names = "--toxic-first",
            description = "Name cyanide and heavy metals first among the main pollutants when they exceed class III (default: off).")
    boolean toxicFirst;

    @Option(names = "--chinese",
            description = "Write classes Ⅰ…劣Ⅴ and item names in Chinese (氨氮(0.52)、总磷(0.30)).")
    boolean chinese;

    @Option(names = "--strict", description = "Exit non-zero on any bad input row (bad rows are always reported and skipped).")
    boolean strict;

    /** table, csv or json in any case, whether or not the root command allows case-insensitive enums. */
    static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected table, csv or json, not '" + value + "'");
            }
        }
    }

    WaterOptions waterOptions() {
        WaterRounding r = switch (rounding.trim().toLowerCase()) {
            case "2020" -> WaterRounding.RULES_2020;
            case "none" -> WaterRounding.NONE;
            default -> throw new IllegalArgumentException("--rounding must be 2020 or none, not '" + rounding + "'");
        };
        if (r.rounds() && phDecimals != r.decimals(WaterItem.PH)) {
            r = r.withDecimals(WaterItem.PH, phDecimals);
        }
        MainPollutantOptions main = MainPollutantOptions.defaults().withPhAndDoFirst(phAndDoFirst).withToxicFirst(toxicFirst)
                .withMultipleDecimals(multipleDecimals);
        return WaterOptions.defaults().withRules(WaterRuleSet.byId(rules)).withRounding(r).withMainPollutants(main);
    }

    BelowDetection belowDetection() {
        return BelowDetection.parse(belowDetection);
    }
}
