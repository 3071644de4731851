package org.envhub.platform.water.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.envhub.platform.cli.ResultTable;
import org.envhub.standards.io.ReadReport;
import org.envhub.standards.water.MainPollutant;
import org.envhub.standards.water.WaterClass;
import org.envhub.standards.water.WaterEvaluation;
import org.envhub.standards.water.WaterOptions;
import org.envhub.standards.water.WaterSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code envhub water classify}: one row per sample, {@code section,time,class,main_pollutants}, in the
 * order read. The class is the single-factor class over the 21 evaluated items, after rounding; main
 * pollutants are named for samples worse than III, as {@code NH3-N(0.52)+TP(0.30)}.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "The class of each sample (single-factor method) and its main pollutants with their exceedance multiples.")
public class WaterClassifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WaterCliOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WaterOptions water = WaterCommands.options(options);
        ReadReport report = new ReadReport();
        List<WaterSample> samples = WaterInput.read(options.inputs, options.belowDetection(), report);
        WaterInput.printProblems(report, err);

        ResultTable table = new ResultTable("section", "time", "class", "main_pollutants");
        for (WaterSample s : samples) {
            WaterEvaluation e = WaterEvaluation.of(s, water);
            table.add(s.section(), s.time().toString(), classLabel(e.waterClass(), options.chinese),
                    mainPollutants(e.mainPollutants(), water, options.chinese));
        }
        out.print(WaterInput.render(table, options.format));
        out.flush();
        err.println("envhub: " + samples.size() + " samples from " + report + "; rules " + water.rules().id()
                + ", rounding " + water.rounding());
        err.flush();
        return WaterCommands.finish(samples.isEmpty(), report, options.strict, err);
    }

    /** {@code NH3-N(0.52)+TP(0.30)}; null (an empty cell) when there are none. */
    static String mainPollutants(List<MainPollutant> list, WaterOptions water, boolean chinese) {
        return list.isEmpty() ? null : MainPollutant.format(list, water.mainPollutants().multipleDecimals(), chinese);
    }

    static String classLabel(WaterClass c, boolean chinese) {
        if (c == null) {
            return null;
        }
        return chinese ? c.chineseLabel() : c.label();
    }
}
