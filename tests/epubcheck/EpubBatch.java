// EpubBatch - epubcheck over many files in one JVM: a call of the jar costs
// about 4.5 s, nearly all of it start-up.  Run with the source launcher:
//   java -cp /usr/share/java/epubcheck.jar tests/epubcheck/EpubBatch.java FILE...
// A file passes with 0 errors and 0 warnings (--failonwarnings).
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubBatch {
    public static void main(String[] args) {
        int failed = 0;
        for (String f : args) {
            int rc = new EpubChecker().run(new String[] {f, "--quiet", "--failonwarnings"});
            if (rc != 0) {
                System.out.println("FAIL " + f);
                failed++;
            }
        }
        System.out.println("epubcheck: " + (args.length - failed) + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }
}
