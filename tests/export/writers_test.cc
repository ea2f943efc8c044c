// Tests of the graph writers, AtomicFile and the export filters. A small
// hand-built graph (parallel edges of different classes between one pair, a
// stance toward an issue, dates, non-ASCII and XML-hostile labels, a label
// with control characters) is written in every format; the files are then
// read by what users read them with: Python's xml/csv/json modules, NetworkX,
// igraph and Graphviz (tests skip when a tool is missing).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "export/atomic_file.h"
#include "export/writers.h"
#include "export/xml_util.h"
#include "graph/filter.h"
#include "graph/graph.h"
#include "graph/projection.h"

namespace newsgraph::io {
namespace {

namespace fs = std::filesystem;
using graph::Entity;
using graph::EntityKind;
using graph::Statement;

Entity Actor(const std::string& id, const std::string& label, const std::string& category,
             uint32_t mentions, const std::string& first = "", const std::string& last = "") {
  Entity e;
  e.id = id;
  e.kind = EntityKind::kActor;
  e.label = label;
  e.category = category;
  e.mentions = mentions;
  e.documents = mentions ? 1 : 0;
  e.first_date = first;
  e.last_date = last;
  return e;
}

Statement St(const std::string& s, const std::string& o, const std::string& cls, int pol,
             const std::string& doc, const std::string& date, int64_t evidence) {
  Statement st;
  st.subject = s;
  st.object = o;
  st.cls = cls;
  st.polarity = pol;
  st.lemma = cls == "CONSULT" ? "meet" : cls == "ASSAULT" ? "attack" : "say";
  st.confidence = 0.75f;
  st.doc = doc;
  st.date = date;
  st.evidence_id = evidence;
  return st;
}

std::vector<Entity> Entities() {
  Entity putin = Actor("actor:vladimir-putin", "Vladimir Putin", "person", 5, "2024-01-10",
                       "2024-02-20");
  putin.role = "President";
  putin.affiliation = "Russia";
  putin.country = "RUS";
  putin.aliases = {"Putin", "President Putin"};
  Entity zel = Actor("actor:volodymyr-zelenskyy", "Volodymyr Zelenskyy\u2019s", "person", 4,
                     "2024-01-10", "2024-03-01");
  zel.country = "UKR";
  Entity cafe = Actor("actor:cafe-co", "Caf\u00e9 & <Co>", "organization", 1);
  Entity bad = Actor("actor:bad", "Bad\x01Label\x0bX\"q\"", "group", 1);
  Entity lonely = Actor("actor:lonely", "Lonely", "country", 1);
  Entity nato;
  nato.id = "issue:nato-membership";
  nato.kind = EntityKind::kIssue;
  nato.label = "NATO membership";
  nato.mentions = 3;
  nato.first_date = "2024-01-15";
  nato.last_date = "2024-03-01";
  return {putin, zel, cafe, bad, lonely, nato};
}

std::vector<Statement> Statements() {
  const std::string p = "actor:vladimir-putin", z = "actor:volodymyr-zelenskyy",
                    n = "issue:nato-membership";
  return {
      St(p, z, "CONSULT", 0, "d1", "2024-01-10", 1),
      St(p, z, "CONSULT", 0, "d2", "2024-02-20", 2),
      St(p, z, "ASSAULT", -1, "d2", "2024-02-01", 3),
      St(p, z, "ASSAULT", -1, "d3", "2024-02-05", 4),
      St(p, z, "ASSAULT", -1, "d3", "2024-02-06", 5),
      St(p, n, "REJECT", -1, "d1", "2024-01-15", 6),
      St(z, n, "SUPPORT", 1, "d4", "2024-03-01", 7),
      St(z, n, "SUPPORT", 1, "d4", "2024-03-01", 8),
      St("actor:cafe-co", "actor:bad", "AID", 1, "d5", "", 9),
  };
}

graph::Graph TestGraph() { return graph::Graph::Build(Entities(), Statements()); }

// Evidence for every edge of TestGraph, as LoadEdgeEvidence would read it:
// the strongest statement first, text with characters every format must
// escape (quote, comma, angle bracket, newline, non-ASCII).
const EvidenceMap& TestEvidence() {
  static const EvidenceMap map = [] {
    EvidenceMap m;
    graph::Graph g = TestGraph();
    for (auto e : g.SortedEdges()) {
      const auto& p = g.edge(e);
      EdgeEvidence ev;
      for (int i = 0; i < 2; ++i) {
        EvidenceItem x;
        x.doc = "doc-" + p.cls + "-" + std::to_string(i);
        x.title = "Title of " + p.cls + ", \"quoted\" <b>";
        x.url = "https://example.org/" + p.cls + "?a=1&b=" + std::to_string(i);
        x.date = p.first_date;
        x.sentence = 3 + i;
        x.start = 100 + 10 * i;
        x.end = 150 + 10 * i;
        x.lemma = p.lemmas.front();
        x.confidence = 0.9 - 0.1 * i;
        x.text = "Sentence " + std::to_string(i) + " behind " + p.cls + ", caf\u00e9 \"q\"\nline 2";
        ev.items.push_back(x);
      }
      m[EdgeId(g, e)] = ev;
    }
    return m;
  }();
  return map;
}

WriterOptions WithEvidence(WriterOptions opt = {}) {
  opt.evidence = &TestEvidence();
  return opt;
}

template <typename F>
std::string Render(F writer, const WriterOptions& opt = {}) {
  std::ostringstream out;
  writer(TestGraph(), out, opt);
  return out.str();
}

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + what.size())) ++n;
  return n;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteText(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

class TempDir {
 public:
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "newsgraph-export-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    path_ = templ;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  // Regular files in the directory, for spotting left-over temporaries.
  std::set<std::string> Files() const {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(path_)) names.insert(e.path().filename());
    return names;
  }

 private:
  fs::path path_;
};

// ---------------------------------------------------------------- text

TEST(XmlUtilTest, CleanTextDropsXmlIllegalCharactersAndRepairsUtf8) {
  EXPECT_EQ(CleanText("a\x01" "b\x0b" "c\td\n"), "abc\td\n");
  EXPECT_EQ(CleanText("Caf\xc3\xa9"), "Caf\xc3\xa9");
  EXPECT_EQ(CleanText("bad\xff" "byte"), "bad\xef\xbf\xbd" "byte");     // U+FFFD
  EXPECT_EQ(CleanText("\xef\xbf\xbe"), "");                             // U+FFFE
  EXPECT_EQ(CleanText("\xed\xa0\x80x"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdx");  // surrogate
  EXPECT_EQ(CleanText("\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd");         // overlong '/'
  EXPECT_EQ(CleanText("\xf0\x9f\x98\x80"), "\xf0\x9f\x98\x80");         // emoji kept
}

TEST(XmlUtilTest, XmlEscapeEscapesMarkupAndWhitespaceInAttributes) {
  EXPECT_EQ(XmlEscape("Caf\xc3\xa9 & <Co> \"q\" 'a'"),
            "Caf\xc3\xa9 &amp; &lt;Co&gt; &quot;q&quot; &apos;a&apos;");
  EXPECT_EQ(XmlEscape("a\nb\tc\x02"), "a&#10;b&#9;c");
}

TEST(XmlUtilTest, FixedFormats) {
  EXPECT_EQ(FormatFixed3(0.75), "0.750");
  EXPECT_EQ(PolarityString(1), "+1");
  EXPECT_EQ(PolarityString(0), "0");
  EXPECT_EQ(PolarityString(-1), "-1");
}

// ---------------------------------------------------------------- writers

TEST(WritersTest, FixtureHasParallelEdges) {
  graph::Graph g = TestGraph();
  EXPECT_EQ(g.num_nodes(), 6u);
  EXPECT_EQ(g.num_edges(), 5u);
  EXPECT_EQ(g.skipped(), 0u);
}

TEST(WritersTest, EdgeIdsAndKindsAreUniqueAndStable) {
  graph::Graph g = TestGraph();
  std::set<std::string> ids, kinds_between_pair;
  for (auto e : g.SortedEdges()) {
    ids.insert(EdgeId(g, e));
    if (g.entity(boost::source(e, g.boost())).id == "actor:vladimir-putin" &&
        g.entity(boost::target(e, g.boost())).id == "actor:volodymyr-zelenskyy")
      kinds_between_pair.insert(EdgeKind(g.edge(e)));
  }
  EXPECT_EQ(ids.size(), g.num_edges());
  EXPECT_EQ(kinds_between_pair, (std::set<std::string>{"ASSAULT/-1", "CONSULT/0"}));
  EXPECT_TRUE(ids.count("actor:volodymyr-zelenskyy|SUPPORT|+1|issue:nato-membership"));
}

TEST(WritersTest, GraphMlHasTypedKeysLabelsAndEscapedText) {
  std::string s = Render(WriteGraphMl);
  EXPECT_NE(s.find("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""), std::string::npos);
  EXPECT_NE(s.find("<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"),
            std::string::npos);
  EXPECT_NE(s.find("attr.name=\"weight\" attr.type=\"double\""), std::string::npos);
  EXPECT_NE(s.find("attr.name=\"mentions\" attr.type=\"int\""), std::string::npos);
  EXPECT_NE(s.find("edgedefault=\"directed\""), std::string::npos);
  // Gephi (0.9.2+) takes <edge label> as the edge type: parallel edges of
  // different classes between one pair keep apart.
  EXPECT_NE(s.find("source=\"actor:vladimir-putin\" target=\"actor:volodymyr-zelenskyy\" "
                   "label=\"ASSAULT/-1\">"),
            std::string::npos);
  EXPECT_NE(s.find("source=\"actor:vladimir-putin\" target=\"actor:volodymyr-zelenskyy\" "
                   "label=\"CONSULT/0\">"),
            std::string::npos);
  EXPECT_EQ(Count(s, "\" label=\""), 5u);
  EXPECT_EQ(Count(s, "<node "), 6u);
  EXPECT_EQ(Count(s, "<edge "), 5u);
  EXPECT_EQ(Count(s, "<data key=\"d0\">"), 6u);  // a label on every node
  EXPECT_NE(s.find("Caf\u00e9 &amp; &lt;Co&gt;"), std::string::npos);
  EXPECT_NE(s.find("Volodymyr Zelenskyy\u2019s"), std::string::npos);
  EXPECT_NE(s.find("BadLabelX&quot;q&quot;"), std::string::npos);
  EXPECT_EQ(s.find('\x01'), std::string::npos);
  EXPECT_EQ(s.find('\x0b'), std::string::npos);
  EXPECT_NE(s.find(">CONSULT/0<"), std::string::npos);
  EXPECT_NE(s.find(">ASSAULT/-1<"), std::string::npos);
  EXPECT_NE(s.find(">0.750<"), std::string::npos);
}

TEST(WritersTest, OutputIsDeterministic) {
  WriterOptions opt;
  opt.tool_version = "newsgraph test";
  opt.metadata = {{"b", "2"}, {"a", "1"}};
  for (auto w : {WriteGraphMl, WriteGexf, WriteCsvNodes, WriteCsvEdges, WriteCytoscapeJson,
                 WriteJsonlTriples, WriteDot}) {
    EXPECT_EQ(Render(w, opt), Render(w, opt));
  }
  std::string s = Render(WriteGraphMl, opt);
  EXPECT_NE(s.find("<!-- newsgraph test; a=1; b=2 -->"), std::string::npos);
}

TEST(WritersTest, Gexf13IsDynamicWithSpellsKindsAndColours) {
  std::string s = Render(WriteGexf);
  EXPECT_NE(s.find("xmlns=\"http://gexf.net/1.3\""), std::string::npos);
  EXPECT_NE(s.find("xmlns:viz=\"http://gexf.net/1.3/viz\""), std::string::npos);
  EXPECT_NE(s.find("version=\"1.3\""), std::string::npos);
  EXPECT_NE(s.find("mode=\"dynamic\" timeformat=\"date\""), std::string::npos);
  EXPECT_NE(s.find("kind=\"ASSAULT/-1\""), std::string::npos);
  EXPECT_NE(s.find("kind=\"CONSULT/0\""), std::string::npos);
  EXPECT_EQ(Count(s, "<edge "), 5u);
  EXPECT_EQ(Count(s, " kind=\""), 5u);
  EXPECT_NE(s.find("<viz:color r=\"214\" g=\"39\" b=\"40\"/>"), std::string::npos);  // red
  EXPECT_NE(s.find("<viz:color r=\"44\" g=\"160\" b=\"44\"/>"), std::string::npos);  // green
  EXPECT_NE(s.find("<viz:color r=\"150\" g=\"150\" b=\"150\"/>"), std::string::npos);
  EXPECT_EQ(s.find("lastmodifieddate"), std::string::npos);
}

TEST(WritersTest, GexfTimelineHasASpellPerRunOfDaysAndAWeightPerDay) {
  std::string s = Render(WriteGexf);
  // Putin -> Zelenskyy ASSAULT on 02-01, 02-05 and 02-06: two spells, the
  // adjacent days merged, and a weight per day; not one spell over February.
  EXPECT_NE(s.find("<spells><spell start=\"2024-02-01\" end=\"2024-02-01\"/><spell "
                   "start=\"2024-02-05\" end=\"2024-02-06\"/></spells>"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("<attvalue for=\"weight\" value=\"1\" start=\"2024-02-05\" end=\"2024-02-05\"/>"),
            std::string::npos);
  // SUPPORT twice on 03-01: one spell, weight 2 that day.
  EXPECT_NE(s.find("<attvalue for=\"weight\" value=\"2\" start=\"2024-03-01\" end=\"2024-03-01\"/>"),
            std::string::npos);
  EXPECT_NE(s.find("<attributes class=\"edge\" mode=\"dynamic\">\n      <attribute id=\"weight\""),
            std::string::npos);
  // Putin's node lives on the days of his edges (01-10, 01-15, 02-01,
  // 02-05..06, 02-20), not through the gaps.
  EXPECT_NE(s.find("<spells><spell start=\"2024-01-10\" end=\"2024-01-10\"/><spell start=\"2024-01-15\" "
                   "end=\"2024-01-15\"/><spell start=\"2024-02-01\" end=\"2024-02-01\"/><spell "
                   "start=\"2024-02-05\" end=\"2024-02-06\"/><spell start=\"2024-02-20\" "
                   "end=\"2024-02-20\"/></spells>"),
            std::string::npos);
  EXPECT_EQ(s.find("<spell start=\"2024-01-10\" end=\"2024-02-20\"/>"), std::string::npos)
      << "no spell spanning the gaps";
  // Edge spells: CONSULT 2, ASSAULT 2, REJECT 1, SUPPORT 1 (AID undated);
  // node spells: Putin 5, Zelenskyy 5, NATO 2.
  EXPECT_EQ(Count(s, "<spell "), 6u + 12u);
  EXPECT_EQ(Count(s, "<attvalue for=\"weight\""), 2u + 3u + 1u + 1u);
  WriterOptions fixed;
  fixed.gexf_dynamic_weight = false;
  std::string st = Render(WriteGexf, fixed);
  EXPECT_EQ(st.find("for=\"weight\""), std::string::npos);
  EXPECT_EQ(st.find("<attributes class=\"edge\" mode=\"dynamic\">"), std::string::npos);
  EXPECT_EQ(Count(st, "<spell "), 18u) << "the spells stay";
}

TEST(WritersTest, EveryFormatCarriesTheEvidenceOfEachEdge) {
  WriterOptions opt = WithEvidence();
  const std::string first = "Sentence 0 behind ASSAULT";
  std::string graphml = Render(WriteGraphMl, opt);
  EXPECT_NE(graphml.find("attr.name=\"evidence_text\""), std::string::npos);
  EXPECT_NE(graphml.find(">" + first + ", caf\u00e9 &quot;q&quot;&#10;line 2</data>"), std::string::npos)
      << graphml;
  EXPECT_NE(graphml.find(">https://example.org/ASSAULT?a=1&amp;b=0</data>"), std::string::npos);
  EXPECT_NE(graphml.find(">doc-ASSAULT-0</data>"), std::string::npos);
  EXPECT_EQ(graphml.find("doc-ASSAULT-1</data>"), std::string::npos) << "the second only in the list";
  EXPECT_NE(graphml.find("&quot;doc&quot;: &quot;doc-ASSAULT-1&quot;"), std::string::npos);
  std::string gexf = Render(WriteGexf, opt);
  EXPECT_NE(gexf.find("value=\"" + first + ", caf\u00e9 &quot;q&quot;&#10;line 2\""), std::string::npos);
  EXPECT_NE(gexf.find("title=\"evidence\""), std::string::npos);
  std::string json = Render(WriteCytoscapeJson, opt);
  EXPECT_NE(json.find("\"evidence\": [{\"doc\": \"doc-ASSAULT-0\", \"title\": \"Title of ASSAULT, "
                      "\\\"quoted\\\" <b>\", \"url\": \"https://example.org/ASSAULT?a=1&b=0\", \"date\": "
                      "\"2024-02-01\", \"sentence\": 3, \"start\": 100, \"end\": 150"),
            std::string::npos)
      << json;
  std::string jsonl = Render(WriteJsonlTriples, opt);
  EXPECT_EQ(Count(jsonl, "\"text\": \"Sentence 1 behind"), 5u);
  std::string csv = Render(WriteCsvEdges, opt);
  EXPECT_NE(csv.find(",doc-ASSAULT-0,\"Title of ASSAULT, \"\"quoted\"\" <b>\",https://example.org/"
                     "ASSAULT?a=1&b=0,2024-02-01,3,100,150,\"" + first),
            std::string::npos)
      << csv;
  std::string ev = Render(WriteCsvEvidence, opt);
  EXPECT_EQ(ev.substr(0, ev.find('\n')),
            "edge,rank,doc,title,url,date,sentence,start,end,lemma,confidence,negated,text");
  EXPECT_NE(ev.find("actor:vladimir-putin|ASSAULT|-1|actor:volodymyr-zelenskyy,2,doc-ASSAULT-1,"),
            std::string::npos)
      << ev;
  // Store row ids are gone from every format.
  EXPECT_EQ(Render(WriteGraphMl).find(">1 2</data>"), std::string::npos);
}

TEST(WritersTest, Gexf12UsesTheDraftNamespaces) {
  WriterOptions opt;
  opt.gexf_version = GexfVersion::k1_2;
  std::string s = Render(WriteGexf, opt);
  EXPECT_NE(s.find("xmlns=\"http://www.gexf.net/1.2draft\""), std::string::npos);
  EXPECT_NE(s.find("xmlns:viz=\"http://www.gexf.net/1.2draft/viz\""), std::string::npos);
  EXPECT_NE(s.find("version=\"1.2\""), std::string::npos);
  EXPECT_EQ(s.find("gexf.net/1.3"), std::string::npos);
}

TEST(WritersTest, CsvTablesInGephiForm) {
  std::string nodes = Render(WriteCsvNodes), edges = Render(WriteCsvEdges);
  EXPECT_EQ(nodes.substr(0, nodes.find('\n')),
            "Id,Label,kind,category,role,affiliation,country,code,aliases,mentions,documents,"
            "first_date,last_date,Interval");
  EXPECT_EQ(Count(nodes, "\n"), 7u);
  EXPECT_NE(nodes.find("\"BadLabelX\"\"q\"\"\""), std::string::npos);  // RFC 4180 quotes
  EXPECT_NE(nodes.find("<[2024-01-10, 2024-02-20]>"), std::string::npos);
  EXPECT_EQ(edges.substr(0, edges.find('\n')),
            "Source,Target,Type,Id,Label,Kind,Weight,class,quad_class,polarity,statements,documents,"
            "negated,first_date,last_date,confidence,lemmas,Interval,codes,evidence_doc,evidence_title,"
            "evidence_url,evidence_date,evidence_sentence,evidence_start,evidence_end,evidence_text");
  EXPECT_EQ(Count(edges, "\n"), 6u);
  EXPECT_EQ(Count(edges, ",Directed,"), 5u);
}

TEST(WritersTest, CsvPathsFromPrefix) {
  EXPECT_EQ(CsvPathsFor("out/g").nodes, "out/g.nodes.csv");
  EXPECT_EQ(CsvPathsFor("out/g.csv").edges, "out/g.edges.csv");
}

TEST(WritersTest, JsonAndJsonl) {
  std::string j = Render(WriteCytoscapeJson);
  EXPECT_NE(j.find("\"elements\": {"), std::string::npos);
  EXPECT_EQ(Count(j, "\"source\": "), 5u);
  EXPECT_NE(j.find("\"label\": \"BadLabelX\\\"q\\\"\""), std::string::npos);
  std::string l = Render(WriteJsonlTriples);
  EXPECT_EQ(Count(l, "\n"), 11u);
  EXPECT_EQ(Count(l, "{\"type\": \"entity\""), 6u);
  EXPECT_EQ(Count(l, "{\"type\": \"triple\""), 5u);
  EXPECT_NE(l.find("\"relation\": {\"class\": \"SUPPORT\", \"polarity\": 1"), std::string::npos);
  EXPECT_NE(j.find("\"style\": [\n    {\"selector\": \"node\", \"style\": {\"label\": \"data(label)\", "
                   "\"background-color\": \"data(color)\""),
            std::string::npos)
      << j;
  EXPECT_NE(j.find("\"target-arrow-shape\": \"triangle\""), std::string::npos);
}

TEST(WritersTest, DotEscapesAndHasEveryEdge) {
  std::string d = Render(WriteDot);
  EXPECT_EQ(d.find("/*"), 0u);
  EXPECT_NE(d.find("digraph newsgraph {"), std::string::npos);
  EXPECT_EQ(Count(d, " -> "), 5u);
  EXPECT_NE(d.find("label=\"BadLabelX\\\"q\\\"\""), std::string::npos);
  EXPECT_NE(d.find("shape=box"), std::string::npos);
}

// ---------------------------------------------------------------- readers

bool HaveDot() { return std::system("command -v dot >/dev/null 2>&1") == 0; }

// Writes every format into dir and the expectations the checker compares
// them with: the labels and edges as they must come out (control characters
// dropped), independent of the writers.
void WriteAllFormats(const fs::path& dir) {
  graph::Graph g = TestGraph();
  WriterOptions opt = WithEvidence();
  opt.tool_version = "newsgraph test";
  auto write = [&](const char* name, auto writer, WriterOptions o) {
    WriteFileAtomically((dir / name).string(), [&](std::ostream& out) { writer(g, out, o); });
  };
  write("graph.graphml", WriteGraphMl, opt);
  write("graph13.gexf", WriteGexf, opt);
  WriterOptions o12 = opt;
  o12.gexf_version = GexfVersion::k1_2;
  write("graph12.gexf", WriteGexf, o12);
  WriterOptions fixed = opt;
  fixed.gexf_dynamic_weight = false;
  write("graph13-static.gexf", WriteGexf, fixed);
  write("graph.json", WriteCytoscapeJson, opt);
  write("graph.jsonl", WriteJsonlTriples, opt);
  write("graph.dot", WriteDot, opt);
  WriteCsvFiles(g, (dir / "graph").string(), opt);
  WriteText(dir / "expect.json", R"({
  "nodes": {"actor:vladimir-putin": "Vladimir Putin",
            "actor:volodymyr-zelenskyy": "Volodymyr Zelenskyy\u2019s",
            "actor:cafe-co": "Caf\u00e9 & <Co>",
            "actor:bad": "BadLabelX\"q\"",
            "actor:lonely": "Lonely",
            "issue:nato-membership": "NATO membership"},
  "edges": [["actor:vladimir-putin", "actor:volodymyr-zelenskyy", "CONSULT", 0, 2],
            ["actor:vladimir-putin", "actor:volodymyr-zelenskyy", "ASSAULT", -1, 3],
            ["actor:vladimir-putin", "issue:nato-membership", "REJECT", -1, 1],
            ["actor:volodymyr-zelenskyy", "issue:nato-membership", "SUPPORT", 1, 2],
            ["actor:cafe-co", "actor:bad", "AID", 1, 1]],
  "dated_nodes": ["actor:vladimir-putin", "actor:volodymyr-zelenskyy", "issue:nato-membership"],
  "edge_spells": {
    "actor:vladimir-putin|CONSULT|0|actor:volodymyr-zelenskyy": [["2024-01-10", "2024-01-10"], ["2024-02-20", "2024-02-20"]],
    "actor:vladimir-putin|ASSAULT|-1|actor:volodymyr-zelenskyy": [["2024-02-01", "2024-02-01"], ["2024-02-05", "2024-02-06"]],
    "actor:vladimir-putin|REJECT|-1|issue:nato-membership": [["2024-01-15", "2024-01-15"]],
    "actor:volodymyr-zelenskyy|SUPPORT|+1|issue:nato-membership": [["2024-03-01", "2024-03-01"]]},
  "node_spells": {
    "issue:nato-membership": [["2024-01-15", "2024-01-15"], ["2024-03-01", "2024-03-01"]]},
  "evidence_prefix": "Sentence 0 behind "
})");
}

// Runs check_formats.py; returns its exit status (77: library missing).
int RunChecker(const std::string& mode, const fs::path& dir) {
  std::string cmd = std::string(NEWSGRAPH_PYTHON) + " " + NEWSGRAPH_SOURCE_DIR +
                    "/tests/export/check_formats.py " + mode + " '" + dir.string() + "' '" +
                    (dir / "expect.json").string() + "'";
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

class ReadersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::access(NEWSGRAPH_PYTHON, X_OK) != 0) GTEST_SKIP() << NEWSGRAPH_PYTHON << " not found";
    WriteAllFormats(dir_.path());
  }
  TempDir dir_;
};

TEST_F(ReadersTest, PythonStandardLibraryParsesEveryFormat) {
  EXPECT_EQ(RunChecker("stdlib", dir_.path()), 0);
}

TEST_F(ReadersTest, NetworkXReadsGraphMlAndGexf12) {
  int rc = RunChecker("networkx", dir_.path());
  if (rc == 77) GTEST_SKIP() << "networkx not importable by " << NEWSGRAPH_PYTHON;
  EXPECT_EQ(rc, 0);
}

TEST_F(ReadersTest, IgraphReadsGraphMl) {
  int rc = RunChecker("igraph", dir_.path());
  if (rc == 77) GTEST_SKIP() << "igraph not importable by " << NEWSGRAPH_PYTHON;
  EXPECT_EQ(rc, 0);
}

TEST_F(ReadersTest, GraphvizAcceptsDot) {
  if (!HaveDot()) GTEST_SKIP() << "graphviz dot not installed";
  std::string cmd = "dot -Tsvg -o /dev/null '" + (dir_.path() / "graph.dot").string() + "'";
  EXPECT_EQ(std::system(cmd.c_str()), 0);
}

TEST_F(ReadersTest, RenderGraphvizWritesSvgAndPng) {
  if (!HaveDot()) GTEST_SKIP() << "graphviz dot not installed";
  graph::Graph g = TestGraph();
  fs::path svg = dir_.path() / "g.svg", png = dir_.path() / "g.png";
  RenderGraphviz(g, "svg", svg.string(), {});
  RenderGraphviz(g, "png", png.string(), {});
  std::string s = ReadFile(svg);
  EXPECT_NE(s.find("<svg"), std::string::npos);
  EXPECT_NE(s.find("NATO membership"), std::string::npos);
  EXPECT_EQ(ReadFile(png).substr(1, 3), "PNG");
}

// ---------------------------------------------------------------- projections

// The actor-actor congruence projection of a small stance graph: Zelenskyy
// and Kallas both support NATO membership (1 shared issue; Kallas also
// supports sanctions, so Jaccard = 1/2), Putin rejects it.
graph::Projection CongruenceProjection() {
  std::vector<Entity> entities = Entities();
  Entity kallas = Actor("actor:kaja-kallas", "Kaja Kallas", "person", 2);
  Entity sanctions;
  sanctions.id = "issue:sanctions";
  sanctions.kind = EntityKind::kIssue;
  sanctions.label = "sanctions";
  entities.push_back(kallas);
  entities.push_back(sanctions);
  std::vector<Statement> st = Statements();
  st.push_back(St("actor:kaja-kallas", "issue:nato-membership", "SUPPORT", 1, "d6", "2024-03-02",
                  10));
  st.push_back(St("actor:kaja-kallas", "issue:sanctions", "DEMAND", 1, "d6", "2024-03-02", 11));
  return graph::ProjectActorActor(entities, st, graph::ProjectionMode::kCongruence,
                                  graph::Normalization::kJaccard, false);
}

WriterOptions ProjectionOptions(const graph::Projection& p) {
  WriterOptions opt;
  opt.directed = p.directed;
  opt.edge_weight = [&p](const graph::Graph& g, graph::Edge e) {
    return p.weights.at({g.entity(boost::source(e, g.boost())).id,
                         g.entity(boost::target(e, g.boost())).id});
  };
  return opt;
}

TEST(ProjectionWritersTest, EveryFormatWritesUndirectedEdgesWithProjectionWeights) {
  graph::Projection p = CongruenceProjection();
  ASSERT_EQ(p.graph.num_edges(), 1u);
  WriterOptions opt = ProjectionOptions(p);
  auto render = [&](auto writer) {
    std::ostringstream out;
    writer(p.graph, out, opt);
    return out.str();
  };
  const std::string id = "actor:kaja-kallas|CONGRUENCE|+1|actor:volodymyr-zelenskyy";
  std::string graphml = render(WriteGraphMl);
  EXPECT_NE(graphml.find("edgedefault=\"undirected\""), std::string::npos);
  EXPECT_NE(graphml.find(id), std::string::npos);
  EXPECT_NE(graphml.find(">0.500</data>"), std::string::npos);
  std::string gexf = render(WriteGexf);
  EXPECT_NE(gexf.find("defaultedgetype=\"undirected\""), std::string::npos);
  EXPECT_NE(gexf.find("kind=\"CONGRUENCE/+1\" label=\"CONGRUENCE/+1\" weight=\"0.500\""),
            std::string::npos);
  std::ostringstream csv;
  WriteCsvEdges(p.graph, csv, opt);
  EXPECT_NE(csv.str().find(",Undirected," + id + ",CONGRUENCE/+1,CONGRUENCE/+1,0.500,CONGRUENCE,"),
            std::string::npos)
      << csv.str();
  std::string json = render(WriteCytoscapeJson);
  EXPECT_NE(json.find("\"directed\": false"), std::string::npos);
  EXPECT_NE(json.find("\"weight\": 0.500"), std::string::npos);
  EXPECT_NE(render(WriteJsonlTriples).find("\"weight\": 0.500"), std::string::npos);
  std::string dot = render(WriteDot);
  EXPECT_NE(dot.find("graph newsgraph {"), std::string::npos);
  EXPECT_EQ(dot.find("digraph"), std::string::npos);
  EXPECT_EQ(Count(dot, " -- "), 1u);
  EXPECT_NE(dot.find("label=\"CONGRUENCE/+1 (0.500)\""), std::string::npos);
  // The shared issue is listed; the edge stands for both actors' statements.
  EXPECT_NE(graphml.find(">NATO membership</data>"), std::string::npos);
  EXPECT_EQ(p.graph.edge(p.graph.SortedEdges()[0]).weight, 3u);
  EXPECT_NE(json.find("\"statements\": 3"), std::string::npos);
  EXPECT_EQ(gexf.find("for=\"weight\""), std::string::npos) << "a projection's weight is not per day";
}

TEST(ProjectionWritersTest, IntegerWeightsStayIntegers) {
  graph::Graph g = TestGraph();
  WriterOptions opt;
  opt.edge_weight = [](const graph::Graph&, graph::Edge) { return 4.0; };
  std::ostringstream out;
  WriteGexf(g, out, opt);
  EXPECT_EQ(Count(out.str(), "weight=\"4\""), 5u);
  EXPECT_EQ(Render(WriteGexf).find("defaultedgetype=\"undirected\""), std::string::npos);
}

TEST(WritersTest, DotHasALegendOfWhatIsDrawn) {
  std::string d = Render(WriteDot);
  // Categories present (person, organization, group, country, issue), not location.
  for (const char* name : {"person", "organization", "group", "country", "issue"})
    EXPECT_NE(d.find("&#9632;</font> " + std::string(name) + "<"), std::string::npos) << name;
  EXPECT_EQ(d.find("location"), std::string::npos);
  EXPECT_NE(d.find("+1 for / cooperation"), std::string::npos);
  EXPECT_NE(d.find("-1 against / conflict"), std::string::npos);
  EXPECT_NE(d.find("0 neutral"), std::string::npos);
}

// ---------------------------------------------------------------- graphology

// Runs check_graphology.mjs under Node.js on files; returns its exit status
// (77: the npm packages are not installed), or -1 when node is missing.
int RunGraphology(const std::string& args) {
  if (std::system("command -v node >/dev/null 2>&1") != 0) return -1;
  std::string cmd = std::string("node ") + NEWSGRAPH_SOURCE_DIR +
                    "/tests/export/check_graphology.mjs " + args;
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -2;
}

TEST(GraphologyTest, GephiLiteParsersReadGexfAndGraphMl) {
  TempDir dir;
  WriteAllFormats(dir.path());
  auto f = [&](const char* name) { return " '" + (dir.path() / name).string() + "'"; };
  int rc = RunGraphology("--nodes 6 --edges 5" + f("graph13-static.gexf") + f("graph.graphml"));
  if (rc == -1) GTEST_SKIP() << "node not installed";
  if (rc == 77) GTEST_SKIP() << "graphology packages not installed (npm ci in tests/export)";
  EXPECT_EQ(rc, 0);
  // The checker can fail: a wrong expected count is reported.
  EXPECT_EQ(RunGraphology("--nodes 7 --edges 5" + f("graph13-static.gexf")), 1);
  // graphology-gexf reads one attribute block per class, so it rejects the
  // dynamic weight's second block: why --gexf-static-weight exists
  // (docs/gephi.md).
  EXPECT_EQ(RunGraphology("--nodes 6 --edges 5" + f("graph13.gexf")), 1);
}

// Runs check_cytoscape.mjs on a Cytoscape.js JSON file (-1: no node).
int RunCytoscape(const fs::path& file) {
  if (std::system("command -v node >/dev/null 2>&1") != 0) return -1;
  std::string cmd = std::string("node ") + NEWSGRAPH_SOURCE_DIR + "/tests/export/check_cytoscape.mjs '" +
                    file.string() + "'";
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -2;
}

TEST(CytoscapeTest, StylesheetDrawsLabelsColoursAndArrowsFromFieldsThatExist) {
  TempDir dir;
  WriteAllFormats(dir.path());
  int rc = RunCytoscape(dir.path() / "graph.json");
  if (rc == -1) GTEST_SKIP() << "node not installed";
  if (rc == 77) GTEST_SKIP() << "cytoscape not installed (npm ci in tests/export)";
  EXPECT_EQ(rc, 0);
  // Undirected projections: no arrows.
  graph::Projection p = CongruenceProjection();
  WriterOptions opt = ProjectionOptions(p);
  WriteFileAtomically((dir.path() / "p.json").string(),
                      [&](std::ostream& out) { WriteCytoscapeJson(p.graph, out, opt); });
  EXPECT_EQ(RunCytoscape(dir.path() / "p.json"), 0);
  // The checker can fail: a file without a stylesheet is refused.
  std::string text = ReadFile(dir.path() / "graph.json");
  WriteText(dir.path() / "bare.json", text.substr(0, text.find(",\n  \"style\"")) + "\n}\n");
  EXPECT_EQ(RunCytoscape(dir.path() / "bare.json"), 1);
}

TEST(GraphologyTest, GephiLiteParsersReadUndirectedProjections) {
  TempDir dir;
  graph::Projection p = CongruenceProjection();
  WriterOptions opt = ProjectionOptions(p);
  for (const char* name : {"p.gexf", "p.graphml"}) {
    WriteFileAtomically((dir.path() / name).string(), [&](std::ostream& out) {
      (std::string(name) == "p.gexf" ? WriteGexf : WriteGraphMl)(p.graph, out, opt);
    });
  }
  int rc = RunGraphology("--nodes 2 --edges 1 '" + (dir.path() / "p.gexf").string() + "' '" +
                         (dir.path() / "p.graphml").string() + "'");
  if (rc == -1) GTEST_SKIP() << "node not installed";
  if (rc == 77) GTEST_SKIP() << "graphology packages not installed (npm ci in tests/export)";
  EXPECT_EQ(rc, 0);
}

// ---------------------------------------------------------------- AtomicFile

TEST(AtomicFileTest, CommitReplacesTheFileAndLeavesNoTemporary) {
  TempDir dir;
  fs::path p = dir.path() / "out.graphml";
  WriteText(p, "old");
  {
    AtomicFile f(p.string());
    f.stream() << "new";
    EXPECT_EQ(ReadFile(p), "old");  // nothing visible before Commit
    f.Commit();
  }
  EXPECT_EQ(ReadFile(p), "new");
  EXPECT_EQ(dir.Files(), std::set<std::string>{"out.graphml"});
}

TEST(AtomicFileTest, NoCommitKeepsTheOldFile) {
  TempDir dir;
  fs::path p = dir.path() / "out.gexf";
  WriteText(p, "old");
  {
    AtomicFile f(p.string());
    f.stream() << "half";
  }
  EXPECT_EQ(ReadFile(p), "old");
  EXPECT_EQ(dir.Files(), std::set<std::string>{"out.gexf"});
}

TEST(AtomicFileTest, WriterThrowingMidwayKeepsTheOldFile) {
  TempDir dir;
  fs::path p = dir.path() / "out.json";
  WriteText(p, "old");
  EXPECT_THROW(WriteFileAtomically(p.string(),
                                   [](std::ostream& out) {
                                     out << "partial";
                                     throw std::runtime_error("writer failed");
                                   }),
               std::runtime_error);
  EXPECT_EQ(ReadFile(p), "old");
  EXPECT_EQ(dir.Files(), std::set<std::string>{"out.json"});
}

TEST(AtomicFileTest, MissingOrBadDirectoryNamesThePath) {
  TempDir dir;
  WriteText(dir.path() / "file", "x");
  for (const fs::path& p : {dir.path() / "no-such-dir" / "g.graphml",
                            dir.path() / "file" / "g.graphml"}) {
    try {
      AtomicFile f(p.string());
      ADD_FAILURE() << "no error for " << p;
    } catch (const IoError& e) {
      EXPECT_NE(std::string(e.what()).find(p.string()), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(AtomicFile((dir.path()).string()), IoError);  // a directory
}

// A file size limit makes write() fail with EFBIG the way a full disk fails
// with ENOSPC; this works as root too, where permission tricks do not.
TEST(AtomicFileTest, WriteErrorIsReportedAndOldFileSurvives) {
  TempDir dir;
  fs::path p = dir.path() / "big.csv";
  WriteText(p, "old");
  struct rlimit old_limit;
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  auto old_handler = ::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = old_limit;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  std::string message;
  try {
    AtomicFile f(p.string());
    f.stream() << std::string(1 << 20, 'x');
    f.Commit();
  } catch (const IoError& e) {
    message = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  ::signal(SIGXFSZ, old_handler);
  EXPECT_NE(message.find(p.string()), std::string::npos) << message;
  EXPECT_NE(message.find("File too large"), std::string::npos) << message;
  EXPECT_EQ(ReadFile(p), "old");
  EXPECT_EQ(dir.Files(), std::set<std::string>{"big.csv"});
}

TEST(AtomicFileTest, CsvPairFailsAsAWhole) {
  TempDir dir;
  std::string prefix = (dir.path() / "missing" / "g").string();
  EXPECT_THROW(WriteCsvFiles(TestGraph(), prefix, {}), IoError);
}

TEST(AtomicFileTest, MissingGraphvizIsAnIoErrorAndKeepsTheOldFile) {
  TempDir dir;
  fs::path p = dir.path() / "g.svg";
  WriteText(p, "old");
  try {
    RenderGraphviz(TestGraph(), "svg", p.string(), {}, "/nonexistent/dot");
    ADD_FAILURE() << "no error";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find(p.string()), std::string::npos) << e.what();
  }
  EXPECT_EQ(ReadFile(p), "old");
  EXPECT_EQ(dir.Files(), std::set<std::string>{"g.svg"});
}

// ---------------------------------------------------------------- filters

graph::Graph Filtered(const graph::FilterOptions& o) {
  return graph::FilterGraph(Entities(), Statements(), o);
}

std::set<std::string> EdgeKinds(const graph::Graph& g) {
  std::set<std::string> out;
  for (auto e : g.SortedEdges()) out.insert(EdgeId(g, e));
  return out;
}

TEST(FilterTest, NoFilterDropsOnlyNodesWithoutEdges) {
  graph::Graph g = Filtered({});
  EXPECT_EQ(g.num_nodes(), 5u);  // Lonely has no edge
  EXPECT_EQ(g.num_edges(), 5u);
  graph::Vertex v;
  EXPECT_FALSE(g.Find("actor:lonely", &v));
  graph::FilterOptions o;
  o.keep_isolated = true;
  g = Filtered(o);
  EXPECT_EQ(g.num_nodes(), 6u);
  EXPECT_TRUE(g.Find("actor:lonely", &v));
}

TEST(FilterTest, MinWeightDropsLightEdgesAndIsolatedNodes) {
  graph::FilterOptions o;
  o.min_weight = 2;
  graph::Graph g = Filtered(o);
  EXPECT_EQ(EdgeKinds(g),
            (std::set<std::string>{
                "actor:vladimir-putin|ASSAULT|-1|actor:volodymyr-zelenskyy",
                "actor:vladimir-putin|CONSULT|0|actor:volodymyr-zelenskyy",
                "actor:volodymyr-zelenskyy|SUPPORT|+1|issue:nato-membership"}));
  EXPECT_EQ(g.num_nodes(), 3u);
  o.keep_isolated = true;
  EXPECT_EQ(Filtered(o).num_nodes(), 6u);
}

TEST(FilterTest, ClassFilter) {
  graph::FilterOptions o;
  o.classes = {"ASSAULT", "SUPPORT"};
  graph::Graph g = Filtered(o);
  EXPECT_EQ(g.num_edges(), 2u);
  EXPECT_EQ(g.num_nodes(), 3u);
}

TEST(FilterTest, DateWindowRecomputesWeightsAndDates) {
  graph::FilterOptions o;
  o.from_date = "2024-02";
  o.to_date = "2024-02-05";
  graph::Graph g = Filtered(o);
  ASSERT_EQ(g.num_edges(), 1u);  // ASSAULT on 02-01 and 02-05; undated AID dropped
  const auto& p = g.edge(g.SortedEdges()[0]);
  EXPECT_EQ(p.cls, "ASSAULT");
  EXPECT_EQ(p.weight, 2u);
  EXPECT_EQ(p.first_date, "2024-02-01");
  EXPECT_EQ(p.last_date, "2024-02-05");
  EXPECT_TRUE(graph::DateInWindow("2024-03-31T23:00:00Z", "2024-03", "2024-03"));
  EXPECT_FALSE(graph::DateInWindow("2024-04-01", "", "2024-03"));
  EXPECT_FALSE(graph::DateInWindow("", "2024", ""));
}

TEST(FilterTest, KindAndMentions) {
  graph::FilterOptions o;
  o.kinds = {EntityKind::kActor};
  graph::Graph g = Filtered(o);
  EXPECT_EQ(g.num_edges(), 3u);  // the two parallel edges and AID
  graph::Vertex v;
  EXPECT_FALSE(g.Find("issue:nato-membership", &v));
  o = {};
  o.min_mentions = 2;
  g = Filtered(o);
  EXPECT_EQ(g.num_nodes(), 3u);  // Putin, Zelenskyy, NATO
  EXPECT_EQ(g.num_edges(), 4u);
}

TEST(FilterTest, TopActorsByDegree) {
  graph::FilterOptions o;
  o.top = 1;
  graph::Graph g = Filtered(o);
  // Putin and Zelenskyy both have 3 edges; the tie goes to the higher
  // weighted degree (Zelenskyy 7, Putin 6), so Zelenskyy is the top actor
  // and keeps only his edge to NATO.
  graph::Vertex v;
  EXPECT_TRUE(g.Find("actor:volodymyr-zelenskyy", &v));
  EXPECT_FALSE(g.Find("actor:vladimir-putin", &v));
  EXPECT_TRUE(g.Find("issue:nato-membership", &v));
  EXPECT_EQ(g.num_edges(), 1u);
  o.top = 2;
  EXPECT_EQ(Filtered(o).num_edges(), 4u);
}

TEST(FilterTest, TopCountsActorsAndTopIssuesBoundsTheirIssues) {
  std::vector<Entity> entities = Entities();
  std::vector<Statement> statements = Statements();
  // Zelenskyy also speaks about two more issues, once each.
  for (const char* id : {"issue:aid", "issue:ceasefire"}) {
    Entity i;
    i.id = id;
    i.kind = EntityKind::kIssue;
    i.label = id + 6;
    entities.push_back(i);
    statements.push_back(St("actor:volodymyr-zelenskyy", id, "DEMAND", 1, "d9", "2024-03-05", 20));
  }
  graph::FilterOptions o;
  o.top = 1;  // Zelenskyy
  graph::Graph g = graph::FilterGraph(entities, statements, o);
  EXPECT_EQ(g.num_nodes(), 4u) << "one actor and the three issues he is linked to";
  o.top_issues = 1;
  g = graph::FilterGraph(entities, statements, o);
  graph::Vertex v;
  EXPECT_EQ(g.num_nodes(), 2u);
  EXPECT_TRUE(g.Find("issue:nato-membership", &v)) << "two statements beat one";
  EXPECT_FALSE(g.Find("issue:aid", &v));
  EXPECT_EQ(g.num_edges(), 1u);
}

}  // namespace
}  // namespace newsgraph::io
