package io.leadsla.config;

/**
 * A policy file that cannot be used. The message names the file, the line and the path of the
 * offending value ({@code policies.yml:14: policies[2].target: …}) and says what is expected.
 */
public class PolicyConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String path;
    private final String problem;

    public PolicyConfigException(String file, int line, String path, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
        this.file = file;
        this.line = line;
        this.path = path;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
