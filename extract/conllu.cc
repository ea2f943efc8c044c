// CoNLL-U rendering of a document's analysis (Extractor::Conllu): one block
// per sentence with "# sent_id" and "# text", ten tab-separated columns a
// token, SpaceAfter=No where the text has no space after the token, and the
// actor a token's mention names as Entity=<id> in MISC.
#include <string>

#include "extract/document.h"

namespace newsgraph::extract {

std::string DocumentRun::RunConllu() {
  PrepareMentions();
  if (x_.parser_) PrepareTree();
  std::string out;
  out += "# newdoc id = " + out_.doc.id + "\n";
  const std::string& text = out_.doc.text;
  for (uint32_t si = 0; si < sents_.size(); ++si) {
    const SentenceBounds& s = sents_[si];
    if (s.last <= s.first) continue;
    if (x_.parser_) ParseSentence(s);
    out += "# sent_id = " + out_.doc.id + "-" + std::to_string(si + 1) + "\n";
    std::string sentence_text = text.substr(s.begin, s.end - s.begin);
    for (auto& c : sentence_text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    out += "# text = " + sentence_text + "\n";
    for (size_t t = s.first; t < s.last; ++t) {
      out += std::to_string(t - s.first + 1);
      out += '\t';
      std::string form(Surface(t));
      for (auto& c : form)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
      out += form;
      out += '\t';
      Pos p = Tag(t);
      std::string lemma = p == Pos::kVerb || p == Pos::kAux ? VerbLemma(t)
                          : p == Pos::kNoun                 ? NounLemma(t)
                          : p == Pos::kPropn                ? form
                                                            : std::string(Lower(t));
      out += lemma.empty() ? form : lemma;
      out += '\t';
      out += PosName(p);
      out += "\t_\t_\t";
      if (x_.parser_) {
        out += head_[t] < 0 ? "0" : std::to_string(head_[t] - static_cast<int>(s.first) + 1);
        out += '\t';
        out += DepName(dep_[t]);
      } else {
        out += "_\t_";
      }
      out += "\t_\t";
      std::string misc;
      if (t + 1 < s.last && toks_[t].end == toks_[t + 1].begin) misc = "SpaceAfter=No";
      int m = mention_at_[t];
      if (m >= 0 && mentions_[m].entity >= 0) {
        if (!misc.empty()) misc += '|';
        misc += "Entity=" + entities_[mentions_[m].entity].e.id;
      }
      out += misc.empty() ? "_" : misc;
      out += '\n';
    }
    out += '\n';
  }
  return out;
}

}  // namespace newsgraph::extract
