import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the statements one page request sent, as PostgreSQL logged them with
 * log_min_duration_statement = 0 (stderr format, default prefix), into a pgbench script: each
 * executed statement with its logged parameters written in as literals, in the order sent.
 * Usage: java bench/PageStatements.java LOG-EXCERPT > page.sql (prints the count on stderr).
 */
public class PageStatements {

    private static final Pattern ENTRY = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d [\\d:.]+ \\S+ \\[(\\d+)\\] (\\w+):  (.*)$");
    private static final Pattern EXECUTE = Pattern.compile("^duration: [\\d.]+ ms  (?:execute [^:]*|statement): (.*)$", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'(?:[^']|'')*')");

    public static void main(String[] args) throws IOException {
        List<String[]> entries = new ArrayList<>(); // pid, level, text
        for (String line : Files.readString(Path.of(args[0]), StandardCharsets.UTF_8).split("\n", -1)) { // a lone CR stays in its value
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                entries.add(new String[] {m.group(1), m.group(2), m.group(3)});
            } else if (!entries.isEmpty() && line.startsWith("\t")) {
                String[] last = entries.get(entries.size() - 1);
                last[2] = last[2] + "\n" + line.substring(1);
            }
        }
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i)[1].equals("LOG")) {
                continue;
            }
            Matcher m = EXECUTE.matcher(entries.get(i)[2]);
            if (!m.matches()) {
                continue; // parse and bind steps, other messages
            }
            String sql = m.group(1).strip();
            if (sql.matches("(?is)^(ALTER SYSTEM|SELECT pg_reload_conf|SELECT pg_stat_statements_reset|SHOW ).*")
                    || sql.equalsIgnoreCase("SELECT 1")) {
                continue; // the benchmark's own, and the pools' connection checks
            }
            String[] detail = null; // the next line of the same backend (other backends' lines come between)
            for (int j = i + 1; j < entries.size() && detail == null; j++) {
                if (entries.get(j)[0].equals(entries.get(i)[0])) {
                    detail = entries.get(j);
                }
            }
            if (detail != null && detail[1].equals("DETAIL") && detail[2].regionMatches(true, 0, "parameters: ", 0, 12)) {
                java.util.Map<Integer, String> values = new java.util.HashMap<>();
                Matcher p = PARAMETER.matcher(detail[2]);
                while (p.find()) {
                    values.put(Integer.parseInt(p.group(1)), p.group(2));
                }
                Matcher ref = Pattern.compile("\\$(\\d+)").matcher(sql); // in one pass: a value is never read again
                StringBuilder filled = new StringBuilder();
                while (ref.find()) {
                    int k = Integer.parseInt(ref.group(1));
                    String value = values.getOrDefault(k, ref.group());
                    ref.appendReplacement(filled, Matcher.quoteReplacement(value));
                }
                ref.appendTail(filled);
                sql = filled.toString();
            }
            out.append(sql.replace('\n', ' ')).append(sql.endsWith(";") ? "" : ";").append('\n');
            n++;
        }
        System.out.print(out);
        System.err.println(n + " statements");
    }
}
