package dev.refer.local.deploy;

import dev.refer.emulators.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./deploy} against stand-ins of the AWS CLI, the SAM CLI and curl (no AWS account here): what it asks of
 * them, in order: the stack deployed with the config's parameters, the data upgrade invoked until done, the program
 * and its partner mail put with SigV4, then the addresses printed; and that it stops at a failed data upgrade.
 */
class DeployScriptTest {

    private static final Path REPOSITORY = SamTemplate.locate(Path.of("")).getParent();

    @TempDir
    Path dir;

    private Path stubs;
    private Path calls;

    private void stub(String name, String body) throws IOException {
        Path script = stubs.resolve(name);
        Files.writeString(script, "#!/usr/bin/env bash\necho \"" + name + " $*\" >> '" + calls + "'\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void stubs(String migrationAnswers) throws IOException {
        stubs = Files.createDirectories(dir.resolve("bin"));
        calls = dir.resolve("calls.txt");
        Files.writeString(dir.resolve("answers.txt"), migrationAnswers);
        stub("aws", """
                case "$*" in
                  *get-caller-identity*) echo 123456789012 ;;
                  *"configure get region"*) echo "" ;;
                  *export-credentials*) echo "export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=secret AWS_SESSION_TOKEN=token" ;;
                  *ApiUrl*) echo "https://abc123.execute-api.eu-west-1.amazonaws.com/" ;;
                  *DataMigrationFunctionName*) echo "refer-DataMigrationFunction-1" ;;
                  *WebhookSecretArn*) echo "arn:aws:secretsmanager:eu-west-1:123456789012:secret:WebhookSecret-abc" ;;
                  *OperationsAlarmTopicArn*) echo "arn:aws:sns:eu-west-1:123456789012:alarms" ;;
                  *ReferralScriptBucketName*) echo "refer-referralscriptbucket-1" ;;
                  *ReferralScriptBaseUrl*) echo "https://d111111abcdef8.cloudfront.net" ;;
                  *head-object*) exit 254 ;;
                  *"lambda invoke"*) head -1 '%s' > "${@: -1}"; sed -i '1d' '%s' ;;
                  *get-email-identity*) echo False ;;
                  *get-account*) echo False ;;
                esac""".formatted(dir.resolve("answers.txt"), dir.resolve("answers.txt")));
        stub("sam", "exit 0");
        stub("curl", "echo 200");
    }

    private Process run(Path config) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", REPOSITORY.resolve("deploy").toString(), "--skip-build",
                "--config", config.toString()).redirectErrorStream(true);
        builder.environment().put("PATH", stubs + ":" + System.getenv("PATH"));
        builder.environment().remove("AWS_REGION");
        builder.environment().remove("AWS_DEFAULT_REGION");
        return builder.start();
    }

    private static String finish(Process process) throws Exception {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "deploy did not finish");
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void deploys_upgradesTheDataUntilDone_configuresTheProgram_andPrintsTheAddresses() throws Exception {
        stubs("""
                {"version":1,"target":2,"done":false,"upgraded":500}
                {"version":2,"target":2,"done":true,"upgraded":12}
                """);
        Process process = run(REPOSITORY.resolve("program.json"));
        String output = finish(process);
        assertEquals(0, process.exitValue(), output);

        List<String> lines = Files.readAllLines(calls);
        String sam = lines.stream().filter(l -> l.startsWith("sam ")).findFirst().orElseThrow();
        assertTrue(sam.contains("deploy --template-file template.yaml --stack-name refer --region eu-west-1"), sam);
        assertTrue(sam.contains("--capabilities CAPABILITY_IAM"), sam);
        assertTrue(sam.contains("--parameter-overrides SenderEmail=\"partners@example.com\""), sam);
        assertTrue(sam.contains("PayoutTimeZone=\"Europe/Berlin\""), sam);
        assertEquals(2, lines.stream().filter(l -> l.contains("lambda invoke --function-name refer-DataMigrationFunction-1"))
                .count(), "invoked until it answered done");
        List<String> puts = lines.stream().filter(l -> l.startsWith("curl ")).toList();
        assertEquals(2, puts.size(), lines.toString());
        assertTrue(puts.get(0).contains("--aws-sigv4 aws:amz:eu-west-1:execute-api --user AKIDEXAMPLE:secret"), puts.get(0));
        assertTrue(puts.get(0).contains("x-amz-security-token: token"), puts.get(0));
        assertTrue(puts.get(0).endsWith("https://abc123.execute-api.eu-west-1.amazonaws.com/admin/program"), puts.get(0));
        assertTrue(puts.get(0).contains("\"currency\": \"EUR\""), puts.get(0));
        assertTrue(puts.get(1).endsWith("/admin/communications"), puts.get(1));
        assertTrue(lines.indexOf(sam) < lines.indexOf(puts.get(0)), "the program is put once the stack is up");

        assertTrue(output.contains("The program is live: stack refer in eu-west-1."), output);
        assertTrue(output.contains("Conversion webhook  POST https://abc123.execute-api.eu-west-1.amazonaws.com/webhooks/conversions"), output);
        assertTrue(output.contains("get-secret-value --secret-id arn:aws:secretsmanager:eu-west-1:123456789012:secret:WebhookSecret-abc"), output);
        assertTrue(output.contains("request production access"), output);

        String version = dev.refer.script.ReferralScript.current().version();
        String upload = lines.stream().filter(l -> l.startsWith("aws s3 cp")).findFirst().orElseThrow();
        assertEquals("aws s3 cp web/referral.js s3://refer-referralscriptbucket-1/static/referral-" + version
                + ".js --only-show-errors --content-type text/javascript; charset=utf-8 --cache-control public, "
                + "max-age=31536000, immutable", upload, "the script at its versioned key, cached for a year");
        assertTrue(output.contains("<script src=\"https://d111111abcdef8.cloudfront.net/static/referral-" + version
                + ".js\""), output);
        assertTrue(output.contains("integrity=\"sha384-"), output);
        assertTrue(output.contains("data-lead-form=\"https://abc123.execute-api.eu-west-1.amazonaws.com/leads\""), output);
    }

    @Test
    void aPublishedScriptVersion_isNotUploadedAgain() throws Exception {
        stubs("""
                {"version":2,"target":2,"done":true,"upgraded":0}
                """);
        Files.writeString(stubs.resolve("aws"), Files.readString(stubs.resolve("aws"))
                .replace("*head-object*) exit 254 ;;", "*head-object*) echo '{}' ;;"));
        Process process = run(REPOSITORY.resolve("program.json"));
        String output = finish(process);
        assertEquals(0, process.exitValue(), output);
        assertTrue(Files.readAllLines(calls).stream().noneMatch(l -> l.startsWith("aws s3 cp")), "immutable");
        assertTrue(output.contains("is already published"), output);
    }

    @Test
    void aFailedDataUpgrade_stopsTheDeployBeforeTheProgramIsTouched() throws Exception {
        stubs("""
                {"errorMessage":"ProvisionedThroughputExceededException","errorType":"RuntimeException"}
                """);
        Process process = run(REPOSITORY.resolve("program.json"));
        String output = finish(process);
        assertNotEquals(0, process.exitValue(), output);
        assertTrue(output.contains("the data migration failed"), output);
        assertTrue(Files.readAllLines(calls).stream().noneMatch(l -> l.startsWith("curl ")), "nothing configured");
    }

    @Test
    void aMissingConfig_isRefusedByName() throws Exception {
        stubs("");
        Process process = run(dir.resolve("nope.json"));
        String output = finish(process);
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("no " + dir.resolve("nope.json")), output);
    }
}
