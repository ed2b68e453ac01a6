// Runs every QUERY.rq in a folder with Jena ARQ over one RDF dataset file, in one JVM (a JVM
// per query costs 3 s), writing each answer as SPARQL JSON results to QUERY.json beside it.
// Usage: java -cp JENA_JARS RunQueries.java DATA.nq FOLDER
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;

public class RunQueries {
    public static void main(String[] args) throws Exception {
        Dataset dataset = RDFDataMgr.loadDataset(args[0]);
        File[] files = new File(args[1]).listFiles((dir, name) -> name.endsWith(".rq"));
        for (File file : files) {
            String text = new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
            Query query = QueryFactory.create(text);
            String out = file.getPath().replaceAll("\\.rq$", ".json");
            try (QueryExecution execution = QueryExecutionFactory.create(query, dataset);
                 OutputStream sink = new FileOutputStream(out)) {
                if (query.isAskType()) {
                    ResultSetFormatter.outputAsJSON(sink, execution.execAsk());
                } else {
                    ResultSetFormatter.outputAsJSON(sink, execution.execSelect());
                }
            }
        }
    }
}
