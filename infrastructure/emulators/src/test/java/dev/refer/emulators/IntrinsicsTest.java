package dev.refer.emulators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short intrinsic tags, intrinsic resolution and event kinds the project template does not use yet. */
class IntrinsicsTest {

    private static final String TEMPLATE = """
            Parameters:
              Stage: {Type: String, Default: dev}
              Required: {Type: String}
            Globals:
              Function:
                Handler: dev.Example::handle
                Environment:
                  Variables:
                    STAGE: !Ref Stage
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Job:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: job.jar
                  Environment:
                    Variables:
                      QUEUE_ARN: !GetAtt Queue.Arn
                      JOINED: !Join ['-', [a, !Ref Stage, !Select [1, [x, y]]]]
                      SUBBED: !Sub ['${Stage}-${Extra}-${!Literal}-${AWS::Region}', {Extra: !Ref Stage}]
                      TOKEN: '{{resolve:ssm:/app/token:3}}'
                      CONDITIONAL: !If [IsProd, a, b]
                      NEEDED: !Ref Required
                  Events:
                    Nightly:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: cron(0 3 * * ? *)
                        Input: '{"kind":"nightly"}'
                    Hourly:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 hour)
                        Enabled: false
                    Anything:
                      Type: HttpApi
            """;

    @TempDir
    Path dir;

    @Test
    void shortTags_parseToTheirLongForm() throws IOException {
        FunctionDef job = load().function("Job");

        assertEquals(Map.of("Ref", "Stage"), job.rawEnvironment().get("STAGE"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Queue", "Arn")), job.rawEnvironment().get("QUEUE_ARN"));
        assertEquals(Map.of("Fn::If", List.of("IsProd", "a", "b")), job.rawEnvironment().get("CONDITIONAL"));
        assertEquals("dev.Example", job.handlerClass());
        assertEquals("handle", job.handlerMethod());
    }

    @Test
    void events_readSchedulesAndTheDefaultRoute() throws IOException {
        FunctionDef job = load().function("Job");

        assertEquals(List.of(
                new ScheduleDef("Nightly", "ScheduleV2", "cron(0 3 * * ? *)", "{\"kind\":\"nightly\"}", true),
                new ScheduleDef("Hourly", "Schedule", "rate(1 hour)", null, false)), job.schedules());
        assertEquals(List.of(new HttpRoute("ANY", "$default", false)), job.routes());
        assertEquals("$default", job.routes().get(0).routeKey());
        assertEquals(3, job.timeoutSeconds());
    }

    @Test
    void resolve_supportsRefGetAttJoinSelectSubAndSsm() throws IOException {
        SamTemplate template = load();
        FunctionDef job = withoutVariable(template.function("Job"), "CONDITIONAL");

        Map<String, String> environment = template.resolveEnvironment(job, Map.of(
                "Queue.Arn", "arn:queue", "ssm:/app/token", "t0k", "Required", "given"));

        assertEquals("dev", environment.get("STAGE"));
        assertEquals("arn:queue", environment.get("QUEUE_ARN"));
        assertEquals("a-dev-y", environment.get("JOINED"));
        assertEquals("dev-dev-${Literal}-us-east-1", environment.get("SUBBED"));
        assertEquals("t0k", environment.get("TOKEN"));
        assertEquals("given", environment.get("NEEDED"));
    }

    @Test
    void resolve_whenIntrinsicUnsupported_namesVariableAndFunction() throws IOException {
        SamTemplate template = load();
        TemplateException e = assertThrows(TemplateException.class, () -> template.resolveEnvironment(
                template.function("Job"), Map.of("Queue.Arn", "a", "ssm:/app/token", "t", "Required", "r")));

        assertTrue(e.getMessage().contains("CONDITIONAL"), e.getMessage());
        assertTrue(e.getMessage().contains("Fn::If"), e.getMessage());
    }

    @Test
    void resolve_whenParameterHasNoDefault_saysSo() throws IOException {
        SamTemplate template = load();
        FunctionDef job = withoutVariable(template.function("Job"), "CONDITIONAL");
        TemplateException e = assertThrows(TemplateException.class, () -> template.resolveEnvironment(job,
                Map.of("Queue.Arn", "a", "ssm:/app/token", "t")));

        assertTrue(e.getMessage().contains("NEEDED") && e.getMessage().contains("Required"), e.getMessage());
        assertFalse(template.parameterDefaults().containsKey("Required"));
    }

    private SamTemplate load() throws IOException {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, TEMPLATE);
        return SamTemplate.load(file);
    }

    private static FunctionDef withoutVariable(FunctionDef f, String variable) {
        Map<String, Object> environment = new LinkedHashMap<>(f.rawEnvironment());
        environment.remove(variable);
        return new FunctionDef(f.logicalId(), f.handlerClass(), f.handlerMethod(), f.codeUri(), environment,
                f.routes(), f.streams(), f.schedules(), f.timeoutSeconds(), f.memorySizeMb());
    }
}
