package dev.refer.bench;

import dev.refer.emulators.FunctionDef;
import dev.refer.script.ReferralScript;

import java.io.ByteArrayOutputStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipFile;

/**
 * What each function deploys: the size of its packaged jar (what Lambda downloads and unpacks before a cold start)
 * and how many classes it carries. For every function of template.yaml, the jar its CodeUri's module builds:
 * {@code jar.<module>.mb} (1 MB = 1,000,000 bytes) and {@code jar.<module>.classes}; {@code redirect.jar.mb} is the
 * redirect's size under the name the issue uses. And what a page of the company's site downloads: referral.js,
 * {@code script.referral.bytes} as served and {@code script.referral.gzip.bytes} gzipped (the JDK's default level;
 * ReferralScriptTest holds it at most 2 KB).
 */
public final class JarReport {

    private final BenchContext context;

    public JarReport(BenchContext context) {
        this.context = context;
    }

    public List<Metric> run() {
        Set<String> modules = new LinkedHashSet<>();
        for (FunctionDef function : context.template().functions()) {
            modules.add(ColdStartBenchmark.module(function));
        }
        List<Metric> metrics = new ArrayList<>();
        for (String module : modules) {
            Path jar = context.lambdaJar(module);
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                long bytes = Files.size(jar);
                long classes = zip.stream().filter(entry -> entry.getName().endsWith(".class")).count();
                System.err.printf("jar %s: %,d bytes, %,d entries, %,d classes%n", context.repository().relativize(jar),
                        bytes, zip.size(), classes);
                metrics.add(Metric.of("jar." + module + ".mb", bytes / 1_000_000.0, 1));
                metrics.add(Metric.of("jar." + module + ".classes", classes));
                if (module.equals("redirect")) {
                    metrics.add(Metric.of("redirect.jar.mb", bytes / 1_000_000.0, 1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + jar, e);
            }
        }
        byte[] script = ReferralScript.current().bytes();
        metrics.add(Metric.of("script.referral.bytes", script.length));
        metrics.add(Metric.of("script.referral.gzip.bytes", gzipped(script)));
        return metrics;
    }

    private static long gzipped(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }
}
