package org.envhub.platform.air.cli;

import java.nio.file.Path;
import java.util.List;

import org.envhub.platform.cli.OutputFormat;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every {@code envhub air} command takes. */
public class AirOptions {

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "CNEMC daily station files (china_sites_YYYYMMDD.csv[.gz]) or long CSV files "
                    + "(time,station,pollutant,value): files, folders or globs.")
    List<String> inputs;

    @Option(names = "--stations", paramLabel = "FILE",
            description = "Station list in the CNEMC format (code,name,city,lon,lat,control). Default: the national list shipped with envhub.")
    Path stations;

    @Option(names = "--rules", paramLabel = "RULES", defaultValue = "auto",
            description = "auto, cnemc, hj633-2012 or hj633-2026 (default: ${DEFAULT-VALUE}: each hour and day by the rules in force then).")
    String rules;

    @Option(names = "--station", paramLabel = "CODE", split = ",", description = "Only these stations (repeat, or separate with commas).")
    List<String> stationCodes;

    @Option(names = "--city", paramLabel = "NAME", split = ",", description = "Only these cities, 北京 or 北京市 (repeat, or separate with commas).")
    List<String> cities;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}). CSV is UTF-8 with a header.")
    OutputFormat format;

    @Option(names = "--strict", description = "Exit non-zero on any bad input row (bad rows are always reported and skipped).")
    boolean strict;
}
