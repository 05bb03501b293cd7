import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Validates a staged Maven repository against what Maven Central requires of a deployment, for
 * scripts/check-release (run as a single-file program: java scripts/CheckRelease.java STAGING ARTIFACT...).
 *
 * <p>For every staged POM: the POM itself with groupId, artifactId, version, name, description, url, a
 * license (name and url), a developer, and SCM (url and connection), each either in the POM or
 * inherited from a parent staged beside it; for jar packaging the jar, its -sources.jar (with .java
 * files), its -javadoc.jar (with an index.html), a CycloneDX SBOM, and an Automatic-Module-Name in the
 * jar's manifest; for every file, .md5 and .sha1 checksums that match its bytes; with --signed, an .asc
 * signature for every file too. Every artifactId named on the command line must be staged. Exit status
 * 0 when everything holds, 1 with one line per problem otherwise.
 */
public final class CheckRelease {
  private static final List<String> problems = new ArrayList<>();
  private static final Map<String, Document> poms = new TreeMap<>();

  public static void main(String[] args) throws Exception {
    boolean signed = false;
    List<String> rest = new ArrayList<>();
    for (String a : args) {
      if (a.equals("--signed")) {
        signed = true;
      } else {
        rest.add(a);
      }
    }
    if (rest.isEmpty()) {
      System.err.println("usage: java CheckRelease.java [--signed] STAGING_DIR [ARTIFACT_ID...]");
      System.exit(2);
    }
    Path staging = Path.of(rest.get(0));
    if (!Files.isDirectory(staging)) {
      System.err.println("check-release: no staging directory at " + staging);
      System.exit(1);
    }
    List<Path> pomFiles;
    try (Stream<Path> s = Files.walk(staging)) {
      pomFiles = s.filter(p -> p.getFileName().toString().endsWith(".pom")).sorted().toList();
    }
    for (Path pom : pomFiles) {
      Document d = parse(pom);
      poms.put(coordinates(d), d);
    }
    List<String> seen = new ArrayList<>();
    for (Path pom : pomFiles) {
      String artifactId = checkArtifact(pom, signed);
      seen.add(artifactId);
    }
    for (String required : rest.subList(1, rest.size())) {
      if (!seen.contains(required)) {
        problems.add(required + ": not staged");
      }
    }
    if (problems.isEmpty()) {
      System.out.println("check-release: " + pomFiles.size() + " artifacts in " + staging
          + " meet Maven Central's requirements" + (signed ? " (signed)" : " (unsigned: no key given)"));
      return;
    }
    problems.forEach(p -> System.out.println("check-release: " + p));
    System.out.println("check-release: " + problems.size() + " problem(s)");
    System.exit(1);
  }

  private static String checkArtifact(Path pomFile, boolean signed) throws Exception {
    Document pom = poms.get(coordinates(parse(pomFile)));
    String artifactId = text(pom.getDocumentElement(), "artifactId");
    String base = pomFile.getFileName().toString().replaceFirst("\\.pom$", "");
    Path dir = pomFile.getParent();
    String packaging = text(pom.getDocumentElement(), "packaging");
    if (packaging == null) {
      packaging = "jar";
    }
    List<String> found = new ArrayList<>();

    // POM elements Central requires (own or inherited through staged parents).
    for (String path : List.of("groupId", "artifactId", "version", "name", "description", "url",
        "licenses/license/name", "licenses/license/url", "developers/developer/name",
        "scm/url", "scm/connection")) {
      String value = inherited(pom, path);
      if (value == null || value.isBlank()) {
        problems.add(artifactId + ": POM lacks <" + path.replace("/", "><") + ">");
      } else if (value.contains("${")) {
        problems.add(artifactId + ": POM element <" + path + "> is unresolved: " + value);
      }
    }
    requireFile(artifactId, dir, base + ".pom", signed);
    found.add("pom");
    if (packaging.equals("jar")) {
      Path jar = requireFile(artifactId, dir, base + ".jar", signed);
      Path sources = requireFile(artifactId, dir, base + "-sources.jar", signed);
      Path javadoc = requireFile(artifactId, dir, base + "-javadoc.jar", signed);
      Path sbom = requireFile(artifactId, dir, base + "-cyclonedx.json", signed);
      if (jar != null) {
        try (JarFile j = new JarFile(jar.toFile())) {
          Manifest m = j.getManifest();
          String name = m == null ? null : m.getMainAttributes().getValue("Automatic-Module-Name");
          if (name == null || name.endsWith(".unnamed") || !name.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*")) {
            problems.add(artifactId + ": jar has no valid Automatic-Module-Name (" + name + ")");
          } else {
            found.add("jar (" + name + ")");
          }
        }
      }
      if (sources != null && !contains(sources, ".java")) {
        problems.add(artifactId + ": sources jar holds no .java file");
      } else if (sources != null) {
        found.add("sources");
      }
      if (javadoc != null && !contains(javadoc, "index.html")) {
        problems.add(artifactId + ": javadoc jar has no index.html");
      } else if (javadoc != null) {
        found.add("javadoc");
      }
      if (sbom != null) {
        String json = Files.readString(sbom);
        if (!json.contains("\"bomFormat\" : \"CycloneDX\"") && !json.contains("\"bomFormat\":\"CycloneDX\"")) {
          problems.add(artifactId + ": " + sbom.getFileName() + " is not a CycloneDX document");
        } else {
          found.add("sbom");
        }
      }
    }
    System.out.println("check-release: " + artifactId + " [" + packaging + "]: " + String.join(", ", found)
        + "; checksums md5+sha1" + (signed ? "; .asc" : ""));
    return artifactId;
  }

  /** Requires the file, its matching .md5 and .sha1, and (signed) its .asc; returns it or null. */
  private static Path requireFile(String artifactId, Path dir, String name, boolean signed) throws Exception {
    Path f = dir.resolve(name);
    if (!Files.isRegularFile(f)) {
      problems.add(artifactId + ": missing " + name);
      return null;
    }
    byte[] bytes = Files.readAllBytes(f);
    for (String[] alg : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}}) {
      Path sum = dir.resolve(name + "." + alg[0]);
      if (!Files.isRegularFile(sum)) {
        problems.add(artifactId + ": missing " + sum.getFileName());
        continue;
      }
      String want = HexFormat.of().formatHex(MessageDigest.getInstance(alg[1]).digest(bytes));
      String got = Files.readString(sum).trim().split("\\s+")[0];
      if (!want.equalsIgnoreCase(got)) {
        problems.add(artifactId + ": " + sum.getFileName() + " does not match the file");
      }
    }
    if (signed && !Files.isRegularFile(dir.resolve(name + ".asc"))) {
      problems.add(artifactId + ": missing signature " + name + ".asc");
    }
    return f;
  }

  private static boolean contains(Path jar, String suffix) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      return j.stream().anyMatch(e -> e.getName().endsWith(suffix));
    }
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = Files.newInputStream(pom)) {
      return f.newDocumentBuilder().parse(in);
    }
  }

  private static String coordinates(Document d) {
    Element root = d.getDocumentElement();
    String g = text(root, "groupId");
    String v = text(root, "version");
    if (g == null) {
      g = text(root, "parent/groupId");
    }
    if (v == null) {
      v = text(root, "parent/version");
    }
    return g + ":" + text(root, "artifactId") + ":" + v;
  }

  /** The text at a slash-separated path of direct children, or in the staged parent chain. */
  private static String inherited(Document d, String path) {
    for (int depth = 0; d != null && depth < 10; depth++) {
      Element root = d.getDocumentElement();
      String v = text(root, path);
      if (v != null) {
        return v;
      }
      if (path.equals("groupId") || path.equals("version")) {
        v = text(root, "parent/" + path);
        if (v != null) {
          return v;
        }
      }
      String parent = text(root, "parent/groupId") + ":" + text(root, "parent/artifactId") + ":"
          + text(root, "parent/version");
      d = text(root, "parent/artifactId") == null ? null : poms.get(parent);
    }
    return null;
  }

  private static String text(Element e, String path) {
    Element cur = e;
    for (String step : path.split("/")) {
      Element next = null;
      for (Node n = cur.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element c && c.getTagName().equals(step)) {
          next = c;
          break;
        }
      }
      if (next == null) {
        return null;
      }
      cur = next;
    }
    return cur.getTextContent().trim();
  }
}
