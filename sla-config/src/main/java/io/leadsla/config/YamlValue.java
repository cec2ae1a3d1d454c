package io.leadsla.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A value of a YAML document with its path ({@code policies[2].target}) and line, so that every
 * error, including the ones found after reading (an unknown calendar name), points at the line a
 * person has to fix. Reads SnakeYAML's node tree, which keeps positions; no reflection binding.
 */
final class YamlValue {

    private final String file;
    private final Node node;
    private final String path;

    YamlValue(String file, Node node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    int line() {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    PolicyConfigException error(String problem) {
        return new PolicyConfigException(file, line(), path, problem);
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode s && !isNull(s);
    }

    private static boolean isNull(ScalarNode s) {
        return s.getTag().getValue().endsWith(":null") || s.getValue().isEmpty() && s.getScalarStyle().getChar() == null;
    }

    String asString() {
        if (!(node instanceof ScalarNode s) || isNull(s)) {
            throw error("expected a single value, found " + describe());
        }
        return s.getValue();
    }

    int asInt() {
        String text = asString().trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error("'" + text + "' is not a whole number");
        }
    }

    boolean asBoolean() {
        String text = asString().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("'" + text + "' is not true or false");
        };
    }

    List<YamlValue> asList() {
        if (!(node instanceof SequenceNode seq)) {
            throw error("expected a list, found " + describe());
        }
        List<YamlValue> items = new ArrayList<>();
        List<Node> values = seq.getValue();
        for (int i = 0; i < values.size(); i++) {
            items.add(new YamlValue(file, values.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    /** A list of single values; a single value alone is read as a list of one. */
    List<String> asStrings() {
        if (isScalar()) {
            return List.of(asString());
        }
        return asList().stream().map(YamlValue::asString).toList();
    }

    Mapping asMap() {
        if (!(node instanceof MappingNode map)) {
            throw error("expected keys and values, found " + describe());
        }
        Map<String, YamlValue> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new YamlValue(file, tuple.getKeyNode(), path).error("keys must be plain names");
            }
            String key = keyNode.getValue();
            if (key.equals("<<")) {
                throw new YamlValue(file, keyNode, path).error("YAML merge keys (<<) are not supported here: write the keys out");
            }
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (entries.containsKey(key)) {
                throw new YamlValue(file, keyNode, childPath).error("'" + key + "' is given twice");
            }
            entries.put(key, new YamlValue(file, tuple.getValueNode(), childPath));
        }
        return new Mapping(this, entries);
    }

    private String describe() {
        if (node instanceof MappingNode) {
            return "keys and values";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode s && !isNull(s)) {
            return "'" + s.getValue() + "'";
        }
        return "nothing";
    }

    /** A YAML mapping whose keys must all be known. */
    static final class Mapping {
        private final YamlValue owner;
        private final Map<String, YamlValue> entries;

        Mapping(YamlValue owner, Map<String, YamlValue> entries) {
            this.owner = owner;
            this.entries = entries;
        }

        YamlValue owner() {
            return owner;
        }

        Set<String> keys() {
            return entries.keySet();
        }

        Map<String, YamlValue> entries() {
            return entries;
        }

        boolean has(String key) {
            YamlValue v = entries.get(key);
            return v != null && (v.isMap() || v.isList() || v.isScalar());
        }

        YamlValue required(String key) {
            if (!has(key)) {
                throw owner.error("'" + key + "' is required");
            }
            return entries.get(key);
        }

        /** The value, or {@code null} when the key is absent or empty. */
        YamlValue optional(String key) {
            return has(key) ? entries.get(key) : null;
        }

        /** Refuses keys outside {@code allowed}: a typo must not be silently ignored. */
        Mapping allowOnly(String... allowed) {
            Set<String> known = Set.of(allowed);
            for (Map.Entry<String, YamlValue> e : entries.entrySet()) {
                if (!known.contains(e.getKey())) {
                    throw e.getValue().error("unknown key '" + e.getKey() + "' (expected one of: "
                            + String.join(", ", new TreeSet<>(known)) + ")");
                }
            }
            return this;
        }
    }
}
