package org.envhub.bench.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.envhub.standards.air.Aqi;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.HourlyConcentrations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hourly AQI of one station-hour (six IAQIs and the max), on one core: the allocation-free path used
 * for bulk computation, and the {@code AqiResult} path (with primary pollutants) used for output.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HourlyAqiBenchmark {

    static final int N = 100_000;

    @Param({"cnemc", "hj633-2026"})
    public String rules;

    AqiRuleSet ruleSet;
    double[][] c = new double[6][N];

    @Setup
    public void setUp() {
        ruleSet = AqiRuleSet.byId(rules);
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < N; i++) {
            c[0][i] = r.nextInt(1, 60);
            c[1][i] = r.nextInt(1, 120);
            c[2][i] = r.nextInt(1, 30) / 10.0;
            c[3][i] = r.nextInt(1, 250);
            c[4][i] = r.nextInt(5, 300);
            c[5][i] = r.nextInt(2, 200);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long hourlyAqiNoAllocation() {
        int[] sub = new int[7];
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += Aqi.hourly(ruleSet, c[0][i], c[1][i], c[2][i], c[3][i], c[4][i], c[5][i], Double.NaN, Double.NaN, Double.NaN, sub);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long hourlyAqiResult() {
        long sum = 0;
        for (int i = 0; i < N; i++) {
            sum += Aqi.hourly(ruleSet, HourlyConcentrations.of(c[0][i], c[1][i], c[2][i], c[3][i], c[4][i], c[5][i])).aqi();
        }
        return sum;
    }
}
