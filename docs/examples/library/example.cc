// Extracts from a string, stores the analysis and queries the store: the
// example of docs/library.md, built against the installed package by the
// test LibraryInstall.BuildsTheExampleAgainstTheInstalledPackage.
#include <newsgraph/newsgraph.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  namespace ng = newsgraph;
  std::string error;
  auto extractor = ng::extract::Extractor::Load({}, &error);  // data from share/newsgraph
  if (!extractor) {
    std::fprintf(stderr, "example: %s\n", error.c_str());
    return 1;
  }
  ng::graph::Document doc;
  doc.id = "example-1";
  doc.date = "2024-03-05";
  doc.text = "Emmanuel Macron met Olaf Scholz in Paris. Macron criticised Russia over the attack.";
  ng::graph::DocumentAnalysis analysis = extractor->Analyze(doc);

  // A SQLite file, or a PostgreSQL URI ("postgresql://user@host/db").
  const std::string where = argc > 1 ? argv[1] : "example.db";
  auto store = ng::io::OpenStore(where, ng::io::OpenMode::kCreate);
  ng::io::Builder builder(*store, {});
  builder.Begin();
  builder.Add(&analysis);
  builder.Finish({{"example", "docs/library.md"}});

  for (const auto& e : store->FindEntities("Emmanuel Macron"))
    std::printf("%s (%s): %u mentions\n", e.label.c_str(), e.id.c_str(), e.mentions);
  ng::io::RelationFilter filter;
  for (const auto& edge : store->Edges(filter))
    std::printf("%s %s %s (%u)\n", edge.subject.c_str(), edge.cls.c_str(), edge.object.c_str(), edge.weight);
  return 0;
}
