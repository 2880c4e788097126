package dev.refer.emulators;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.List;
import java.util.Map;

/**
 * Reads CloudFormation YAML. The short intrinsic tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...) become the
 * long form CloudFormation itself expands them to ({@code {"Ref": ...}}, {@code {"Fn::GetAtt": [...]}}), so the rest
 * of the code only ever deals with one shape.
 */
final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    static Map<String, Object> parse(String yamlText) {
        Object document = new Yaml(new IntrinsicConstructor(new LoaderOptions())).load(yamlText);
        return Nodes.map(document, "template.yaml");
    }

    /** The long-form key of a short tag: {@code !Ref} and {@code !Condition} keep their name, the rest get "Fn::". */
    static String longFormKey(String shortTag) {
        String name = shortTag.substring(1);
        return name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        private final Construct intrinsic = new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
                String key = longFormKey(node.getTag().getValue());
                return Map.of(key, argument(key, node));
            }
        };

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
        }

        @Override
        protected Construct getConstructor(Node node) {
            // Local tags ("!X") are only ever CloudFormation intrinsics in a template.
            return node.getTag().getValue().startsWith("!") ? intrinsic : super.getConstructor(node);
        }

        private Object argument(String key, Node node) {
            if (node instanceof ScalarNode scalar) {
                String value = constructScalar(scalar);
                // "!GetAtt Table.Arn" is the short spelling of ["Table", "Arn"]; the first dot splits.
                if (key.equals("Fn::GetAtt") && value.contains(".")) {
                    int dot = value.indexOf('.');
                    return List.of(value.substring(0, dot), value.substring(dot + 1));
                }
                return value;
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return constructMapping((MappingNode) node);
        }
    }
}
