// EpubcheckAll runs epubcheck over many EPUBs in one JVM, for
// tooltest.EpubcheckAll: a JVM a file costs about 5 s of CPU; in one JVM,
// each file after the first costs about 0.2 s.
//
//	java -cp /usr/share/java/epubcheck.jar EpubcheckAll.java a.epub b.epub ...
//
// For the Nth file (from 0) it prints one line "N<TAB>message" for each
// message epubcheck --quiet would print (fatal, error, warning, info: all
// but usage), formatted as epubcheck does, then "N<TAB>done". A file whose
// check throws gets an "N<TAB>EXCEPTION: ..." line and the next file is
// checked all the same.

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

class EpubcheckAll {
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    for (int i = 0; i < args.length; i++) {
      String tag = i + "\t";
      MasterReport report = new MasterReport() {
        @Override
        public void message(Message m, EPUBLocation at, Object... a) {
          Severity s = m.getSeverity();
          if (s == Severity.USAGE || s == Severity.SUPPRESSED) {
            return;
          }
          String text = a != null && a.length > 0 ? m.getMessage(a) : m.getMessage();
          out.println(tag + s + "(" + m.getID() + "): " + at.getPath()
              + "(" + at.getLine() + "," + at.getColumn() + "): " + text.replaceAll("\\s+", " "));
        }

        @Override
        public void info(String resource, FeatureEnum feature, String value) {}

        @Override
        public int generate() {
          return 0;
        }

        @Override
        public void initialize() {}
      };
      report.setEpubFileName(args[i]);
      try {
        new EpubCheck(new File(args[i]), report).doValidate();
      } catch (Throwable e) {
        out.println(tag + "EXCEPTION: " + String.valueOf(e).replaceAll("\\s+", " "));
      }
      out.println(tag + "done");
    }
    out.flush();
  }
}
