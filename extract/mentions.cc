// Stage 2: actor mentions. Lexicon actors and the groups they head
// ("Ukrainian officials"), titled persons ("Prime Minister X"), groups named
// by their country after them ("soldiers from Gondor"), hyphenated
// compounds, person pronouns, unknown names (runs of capitalised proper
// nouns); then one entity per person within the document (ResolveNames).
#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "extract/agents.h"
#include "extract/document.h"
#include "extract/name_tagger.h"
#include "extract/wordnet.h"
#include "extract/tree_lexicon.h"
#include "graph/merge.h"

namespace newsgraph::extract {
namespace {

// Sentence-initial adverbs and connectives: never part of a name
// ("Afterwards Trump said", "Meanwhile Russia ...").
bool IsConnective(std::string_view lower) {
  static const std::unordered_set<std::string_view> s = {
      "afterwards", "afterward", "meanwhile", "however", "later", "earlier", "additionally", "also",
      "furthermore", "moreover", "nevertheless", "nonetheless", "subsequently", "previously", "separately",
      "instead", "still", "then", "now", "thus", "therefore", "consequently", "finally", "initially",
      "eventually", "currently", "recently", "today", "yesterday", "tonight", "overnight", "here", "there",
      "so", "but", "and", "or", "yet", "besides", "likewise", "similarly", "otherwise", "hence", "indeed",
      "elsewhere", "again", "soon", "shortly", "accordingly", "alternatively", "ultimately",
      "reportedly", "allegedly", "apparently", "notably", "specifically", "firstly", "secondly",
      "lastly", "since", "while", "when", "after", "before", "although", "though", "because", "if",
      "despite", "following", "according", "under", "during", "amid", "with", "without", "by", "for",
      "in", "on", "at", "from", "to", "of", "about", "over", "upon", "unlike", "thanks",
      // Counts opening a sentence: "Three Druze civilians are shot dead".
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
      "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
      "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousands", "dozens",
      "several", "many", "some", "most", "all", "both", "few"};
  return s.count(lower) > 0;
}
// Party labels and title modifiers before a title or name: "Republican
// President Trump", "Former President Trump", "Incumbent Governor ...".
bool IsPartyWord(std::string_view w) {
  static const std::unordered_set<std::string_view> s = {
      "Former", "Incumbent", "Acting", "Outgoing", "Interim", "Then", "Late", "Current", "Sitting",
      "Disgraced", "Embattled", "Ousted", "Exiled", "Jailed", "Elected", "Retired", "Deputy-elect",
      "Republican", "Republicans", "Democrat", "Democratic", "Democrats", "Conservative", "Labour",
      "Liberal", "Socialist", "Communist", "GOP", "Tory", "Green", "Independent", "Progressive"};
  return s.count(w) > 0;
}
// Lower-case particles inside names: "bin Salman", "von der Leyen".
// Whether a and b differ by one inserted, deleted or changed character.
bool OneEditApart(const std::string& a, const std::string& b) {
  if (a == b) return false;
  const std::string& s = a.size() <= b.size() ? a : b;
  const std::string& l = a.size() <= b.size() ? b : a;
  if (l.size() - s.size() > 1) return false;
  size_t i = 0;
  while (i < s.size() && s[i] == l[i]) ++i;
  if (s.size() == l.size()) return s.compare(i + 1, std::string::npos, l, i + 1, std::string::npos) == 0;
  return s.compare(i, std::string::npos, l, i + 1, std::string::npos) == 0;
}
// Two spellings of one name a letter apart: five letters or more, the
// first two the same ("Sarea"/"Saree", "Soleimani"/"Soleymani"; not
// "Walker"/"Welker").
bool ALetterApart(const std::string& a, const std::string& b) {
  return a.size() >= 5 && b.size() >= 5 && a.compare(0, 2, b, 0, 2) == 0 && OneEditApart(a, b);
}
bool IsNameParticle(std::string_view lw) {
  static const std::unordered_set<std::string_view> s = {
      "de", "bin", "bint", "al", "el", "van", "von", "der", "den", "ter", "la", "le", "da", "del", "della",
      "di", "du", "dos", "das", "do", "ibn", "y", "zu", "af", "ben", "abu", "abd"};
  return s.count(lw) > 0;
}
// "al-Assad", "el-Sisi", "ash-Sharaa": an Arabic article joined to a name.
bool IsParticleName(std::string_view w) {
  size_t dash = w.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 3 || dash + 1 >= w.size()) return false;
  std::string_view p = w.substr(0, dash);
  static const std::unordered_set<std::string_view> s = {"al", "el", "ad", "ar", "as", "ash", "at", "az",
                                                         "an", "ud", "ul", "bin", "ibn", "abu", "bint", "wal", "wa"};
  return s.count(p) > 0 && std::isupper(static_cast<unsigned char>(w[dash + 1]));
}
// Heads of names of laws and treaties, which are not actors: "Paris
// Climate Accord", "Radio Control Law", "Republic Act".
bool IsDocumentHead(std::string_view w) {
  static const std::unordered_set<std::string_view> s = {
      "Accord", "Accords", "Agreement", "Treaty", "Act", "Law", "Convention", "Protocol", "Charter",
      "Declaration", "Bill", "Amendment", "Resolution", "Doctrine"};
  return s.count(w) > 0;
}
// Heads of media names: "Sputnik News", "The Moscow Times".
bool IsMediaHead(std::string_view w) {
  static const std::unordered_set<std::string_view> s = {
      "News", "Times", "Post", "Journal", "Radio", "Television", "TV", "Broadcasting", "Gazette",
      "Tribune", "Herald", "Daily", "Telegraph", "Chronicle", "Newspaper", "Magazine", "Wire"};
  return s.count(w) > 0;
}
// Group nouns that name a country's armed forces: one node, "<X> forces".
bool IsForcesNoun(std::string_view canonical) {
  return canonical == "troops" || canonical == "forces" || canonical == "soldiers" || canonical == "military" ||
         canonical == "army" || canonical == "armed forces" || canonical == "servicemen" ||
         canonical == "service members" || canonical == "defense forces" || canonical == "defence forces";
}
// A country's name after "of": "the Philippines", "the United States",
// "Peru".
std::string OfCountry(const std::string& label) {
  // Plural names take the article ("the Philippines", "the Solomon
  // Islands"), names that only end in s do not ("Barbados", "Cyprus").
  static const std::unordered_set<std::string> kPlural = {"Philippines", "Netherlands", "Bahamas", "Maldives",
                                                           "Comoros", "Seychelles", "Gambia"};
  bool islands = label.size() > 8 && label.compare(label.size() - 8, 8, " Islands") == 0;
  bool the = kPlural.count(label) > 0 || islands || label.rfind("United ", 0) == 0 ||
             label.rfind("Democratic ", 0) == 0 || label.rfind("Republic ", 0) == 0 ||
             label.rfind("Central African", 0) == 0 || label.rfind("Czech Republic", 0) == 0 ||
             label.find(" Republic") != std::string::npos;
  return the ? "the " + label : label;
}
// The agent code of a group noun (CAMEO/PLOVER agent types).
std::string AgentOf(std::string_view canonical) {
  static const std::unordered_map<std::string_view, std::string_view> m = {
      {"officials", "GOV"}, {"senior officials", "GOV"}, {"leaders", "GOV"}, {"leadership", "GOV"},
      {"government", "GOV"}, {"administration", "GOV"}, {"authorities", "GOV"}, {"regime", "GOV"},
      {"junta", "GOV"}, {"cabinet", "GOV"}, {"ministers", "GOV"}, {"foreign ministers", "GOV"},
      {"ministry", "GOV"}, {"embassy", "GOV"}, {"delegation", "GOV"}, {"delegates", "GOV"},
      {"representatives", "GOV"}, {"envoys", "GOV"}, {"diplomats", "GOV"}, {"negotiators", "GOV"},
      {"mediators", "GOV"}, {"advisers", "GOV"}, {"spokespeople", "GOV"}, {"heads of state", "GOV"},
      {"lawmakers", "LEG"}, {"legislators", "LEG"}, {"parliamentarians", "LEG"}, {"MPs", "LEG"},
      {"senators", "LEG"}, {"parliament", "LEG"}, {"legislature", "LEG"}, {"prosecutors", "JUD"},
      {"judges", "JUD"}, {"judiciary", "JUD"}, {"police", "COP"}, {"police officers", "COP"},
      {"security forces", "COP"}, {"intelligence", "SPY"}, {"intelligence officials", "SPY"},
      {"intelligence agencies", "SPY"}, {"intelligence services", "SPY"}, {"spies", "SPY"},
      {"military", "MIL"}, {"armed forces", "MIL"}, {"army", "MIL"}, {"navy", "MIL"}, {"air force", "MIL"},
      {"coast guard", "MIL"}, {"troops", "MIL"}, {"forces", "MIL"}, {"soldiers", "MIL"},
      {"servicemen", "MIL"}, {"service members", "MIL"}, {"generals", "MIL"}, {"commanders", "MIL"},
      {"militants", "REB"}, {"rebels", "REB"}, {"insurgents", "REB"}, {"guerrillas", "REB"},
      {"fighters", "REB"}, {"gunmen", "REB"}, {"separatists", "REB"}, {"jihadists", "REB"},
      {"paramilitaries", "REB"}, {"militia", "REB"}, {"militias", "REB"}, {"civilians", "CVL"},
      {"residents", "CVL"}, {"citizens", "CVL"}, {"people", "CVL"}, {"public", "CVL"}, {"population", "CVL"},
      {"voters", "CVL"}, {"refugees", "REF"}, {"migrants", "REF"}, {"opposition", "OPP"},
      {"protesters", "OPP"}, {"protestors", "OPP"}, {"demonstrators", "OPP"}, {"activists", "OPP"},
      {"journalists", "MED"}, {"state media", "MED"}, {"bandits", "CRM"}, {"gangsters", "CRM"}, {"gang members", "CRM"},
      {"smugglers", "CRM"}, {"kidnappers", "CRM"}, {"pirates", "CRM"}};
  auto it = m.find(canonical);
  return it == m.end() ? "" : std::string(it->second);
}
// A modifier that names a non-state group itself decides the group it
// modifies: "rebel forces" are rebels, not the state's forces
// ("government forces" stay forces). The group noun of the modifier, or
// nullptr.
const std::string* NonStateModifier(const Lexicons& lex, std::string_view lower_modifier) {
  const std::string* g = lex.GroupNoun(std::string(lower_modifier) + "s");
  if (g && AgentOf(*g) != "REB" && AgentOf(*g) != "OPP") return nullptr;
  return g;
}
// The agent of a group noun: the agents dictionaries' (a user's --agents
// file over the shipped lexicons/agents.tsv) for the whole noun, else the
// built-in table. *prefix: the code goes before the actor's ("[NGO~]").
std::string AgentCode(const Agents* agents, std::string_view canonical, bool* prefix) {
  *prefix = false;
  if (agents) {
    std::vector<std::string> words;
    size_t b = 0;
    while (b <= canonical.size()) {
      size_t sp = std::min(canonical.find(' ', b), canonical.size());
      if (sp > b) words.push_back(LowerAscii(canonical.substr(b, sp - b)));
      b = sp + 1;
    }
    std::vector<std::string_view> views(words.begin(), words.end());
    size_t end = 0;
    if (!views.empty())
      if (const AgentEntry* a = agents->Match(views, 0, &end); a && end == views.size()) {
        *prefix = a->prefix;
        return a->code;
      }
  }
  return AgentOf(canonical);
}
// An actor's code with an agent's: "GON" + "GOV" -> "GONGOV", a prefix
// agent before it ("NGO" + "ARN" -> "NGOARN"). A code already holding the
// agent's is kept ("HGWGOVMED" + "GOV"); a compound code ("FRO/BIL") gets
// the agent on each member.
std::string WithAgent(const std::string& base, const std::string& agent, bool prefix) {
  if (base.empty() || agent.empty()) return base;
  auto join = [&](const std::string& part) {
    if (part.size() < 3) return part;
    for (size_t at = prefix ? 0 : 3; at + agent.size() <= part.size(); at += 3)
      if (part.compare(at, agent.size(), agent) == 0) return part;
    return prefix ? agent + part : part + agent;
  };
  if (base.find('/') == std::string::npos) return join(base);
  std::string out;
  size_t b = 0;
  while (b <= base.size()) {
    size_t slash = std::min(base.find('/', b), base.size());
    if (!out.empty()) out += '/';
    out += join(base.substr(b, slash - b));
    b = slash + 1;
  }
  return out;
}
// The code of a group of an actor: its code (or country) with the agent of
// the group noun.
std::string GroupCode(const Agents* agents, const std::string& base_code, const std::string& country,
                      std::string_view canonical) {
  std::string base = base_code.empty() ? country : base_code;
  bool prefix = false;
  std::string agent = canonical.empty() ? std::string() : AgentCode(agents, canonical, &prefix);
  return WithAgent(base, agent, prefix);
}

bool IsPersonPronoun(std::string_view lower, bool* possessive) {
  *possessive = lower == "his" || lower == "her";
  return lower == "he" || lower == "him" || lower == "his" || lower == "she" || lower == "her";
}
const std::unordered_set<std::string_view>& OrgHeads() {
  static const std::unordered_set<std::string_view> s = {
      "Ministry", "Council", "Party", "Agency", "Committee", "Union", "Bank", "Court", "Company",
      "Inc.", "Corp.", "Ltd.", "Group", "Organization", "Organisation", "Association", "Institute",
      "University", "Forces", "Army", "Navy", "Front", "Movement", "Foundation", "Commission",
      "Parliament", "Assembly", "Department", "Office", "Service", "Services", "Authority",
      "Police", "Guard", "Corps", "Brigade", "Bureau", "Federation", "League", "Alliance",
      "Coalition", "Senate", "Congress", "Government", "Administration", "Cabinet", "Times",
      "News", "Post", "Journal", "Network", "Airlines", "Club", "Church", "School", "College",
      "Hospital", "Board", "Fund", "Programme", "Program", "Network", "Mission", "Tribunal",
      "Directorate", "Clan", "Cartel", "Gang", "Treasury", "Airways", "Corporation", "Corp", "Corp.",
      "Institution", "Society", "Academy", "Council", "Secretariat", "Inspectorate", "Guards", "Force",
      "Fleet", "Command", "Museum", "Holding", "Holdings", "Center", "Centre", "Campaign", "Trust",
      "Forum", "Observatory"};
  return s;
}
const std::unordered_set<std::string_view>& PlaceHeads() {
  static const std::unordered_set<std::string_view> s = {
      "River", "Province", "Region", "Street", "Square", "City", "County", "Island", "Islands",
      "Mountains", "Mountain", "Oblast", "District", "Sea", "Ocean", "Lake", "Valley", "Bay",
      "Strait", "Peninsula", "Desert", "Airport", "Port", "Bridge", "Park", "State", "Territory",
      "Coast", "Gulf", "Canal", "Hills", "Plain", "Prefecture", "Governorate", "Krai", "Avenue",
      "Tower", "Towers", "Hotel", "Stadium", "Palace", "Base", "Camp", "Road", "Highway", "Village", "Town",
      "Arena", "Superdome", "Dome", "Mall", "Cathedral", "Mosque", "Temple", "Prison", "Station", "Terminal",
      "Dam", "Market", "Harbour", "Harbor", "Resort", "Casino", "Plaza", "Boulevard", "Regency", "Canyon",
      "Heights", "Borough", "Township", "Municipality", "Parish", "Emirate", "Glacier", "Volcano", "Reef",
      "Atoll", "Archipelago", "Falls", "Ridge", "Peak", "Raion", "Hromada", "Subdistrict", "Upazila", "Tehsil"};
  return s;
}
// A name that is no person's by a head word inside it: "Trump International
// Hotel Las Vegas", "Trump Tower Belgrade" (a place), "Smith Foundation
// Africa" (an organisation). The first word never decides ("Park Geun-hye").
std::string InnerHeadCategory(const std::vector<std::string_view>& words, size_t b, size_t n) {
  for (size_t w = b + 1; w + 1 < n; ++w) {
    if (PlaceHeads().count(words[w])) return "location";
    if (OrgHeads().count(words[w])) return "organization";
  }
  return "";
}
// A country's bodies named by their head alone: "Parliament" in a story
// about Serbia is the Parliament of Serbia.
// A common noun that says the name after it is an organisation's: "oil
// company Pertamina", "messaging service Telegram", "nationalist party
// VMRO-DPMNE".
bool IsOrgDescriptor(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "company", "firm", "corporation", "conglomerate", "group", "party", "platform", "service", "app",
      "broadcaster", "newspaper", "tabloid", "magazine", "journal", "airline", "carrier", "bank", "lender",
      "insurer", "retailer", "automaker", "carmaker", "manufacturer", "startup", "start-up", "giant", "maker",
      "operator", "developer", "publisher", "network", "channel", "agency", "outlet", "website", "club",
      "union", "movement", "organisation", "organization", "charity", "brand", "chain", "supplier",
      "watchdog", "regulator", "band", "militia", "conglomerate", "telecom", "broadcaster"};
  return k.count(w) > 0;
}

bool IsNationalBody(std::string_view w) {
  static const std::unordered_set<std::string_view> s = {
      "Parliament", "Senate", "Congress", "Government", "Cabinet", "Assembly", "Police", "Army",
      "Navy", "Judiciary", "Legislature", "Presidency"};
  return s.count(w) > 0;
}
// Capitalised words that start sentences or headings but are not names.
bool LooksLikeDateWord(std::string_view w) {
  static const std::unordered_set<std::string_view> s = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
      "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.",
      "Sept.", "Oct.", "Nov.", "Dec.", "I", "OK", "TV"};
  return s.count(w) > 0;
}

// Whether an acronym's letters are, in order, initials of the label's
// capitalised words, all of them used and the first word's first:
// "USCIRF" of "United States Commission on International Religious Freedom".
bool Initials(const std::string& label, std::string_view acronym) {
  std::string initials;
  bool start = true;
  for (char c : label) {
    if (start && c >= 'A' && c <= 'Z') initials += c;
    start = c == ' ' || c == '-';
  }
  if (acronym.size() < 2 || initials.empty() || acronym[0] != initials[0]) return false;
  size_t k = 0;
  for (char c : acronym) {
    while (k < initials.size() && initials[k] != c) ++k;
    if (k == initials.size()) return false;
    ++k;
  }
  return acronym.size() * 2 >= initials.size();
}

}  // namespace

int DocumentRun::EntityFor(const std::string& label, const std::string& category,
                           const std::string& country, const std::string& code, bool known) {
  std::string id = graph::EntityId(graph::EntityKind::kActor, label);
  auto it = entity_index_.find(id);
  if (it != entity_index_.end()) return it->second;
  LocalEntity le;
  le.e.id = id;
  le.e.kind = graph::EntityKind::kActor;
  le.e.label = label;
  le.e.category = category;
  le.e.country = country;
  le.e.code = code;
  le.known = known;
  entities_.push_back(std::move(le));
  const int index = static_cast<int>(entities_.size() - 1);
  entity_index_.emplace(id, index);
  // A compound code ("FRO/BIL/SAM"): one member per code, named as the
  // dictionary names that code when one actor alone has it ("BEL" ->
  // Belgium), else "label (CODE)".
  if (code.find('/') != std::string::npos) {
    std::vector<int> members;
    size_t b = 0;
    while (b <= code.size()) {
      size_t slash = std::min(code.find('/', b), code.size());
      std::string part = code.substr(b, slash - b);
      b = slash + 1;
      if (part.empty() || part.find('/') != std::string::npos) continue;
      int entry = lex_.FindActorByCode(part);
      int m;
      if (entry >= 0) {
        const ActorEntry& a = lex_.actor(static_cast<uint32_t>(entry));
        m = EntityFor(a.label, a.category, a.country, part, true);
      } else {
        m = EntityFor(label + " (" + part + ")", category, part.size() >= 3 ? part.substr(0, 3) : part, part, known);
      }
      entities_[m].aliases.insert(label);
      if (std::find(members.begin(), members.end(), m) == members.end()) members.push_back(m);
    }
    if (members.size() >= 2) entities_[index].members = std::move(members);
  }
  return index;
}

Mention DocumentRun::NewMention(size_t first, size_t last, uint32_t sentence, int entity) const {
  Mention m;
  m.first = static_cast<uint32_t>(first);
  m.last = static_cast<uint32_t>(last);
  m.sentence = sentence;
  m.entity = entity;
  return m;
}

int DocumentRun::AddMention(Mention m) {
  mentions_.push_back(m);
  int idx = static_cast<int>(mentions_.size() - 1);
  for (uint32_t t = m.first; t < m.last; ++t) mention_at_[t] = idx;
  return idx;
}

// The end of a person, organisation or place name the statistical tagger
// finds at token t, when it is a whole name on its own (0 otherwise): not
// the middle of a longer capitalised run the tagger split ("Maybe Happy
// Ending", "Pabrade Training Area"), no digits or currency, and not common
// words alone ("Democracy", "Women's Cup", "Target"), unless a head word
// says what it is ("Capital One Arena") or it is a person heading a
// government ("the Trump administration").
size_t DocumentRun::TaggedName(const SentenceBounds& s, size_t t) const {
  if (name_end_[t] <= t || name_type_[t] < 0) return 0;
  const size_t end = name_end_[t];
  if (t > s.first + 1 && IsCap(t - 1) && !toks_[t - 1].Has(kPunct) && mention_at_[t - 1] < 0) return 0;
  std::string_view head = words_[end - 1];
  // A head alone ("the entire Cabinet", "the Academy") names no one.
  bool headed = end - t >= 2 && (OrgHeads().count(head) || PlaceHeads().count(head));
  // A capitalised word right after it, unless a head closed the name
  // ("PSA Airlines Bombardier CRJ-700").
  if (end < s.last && IsCap(end) && !toks_[end].Has(kPunct) && words_[end] != "'s" && !headed) return 0;
  if (end < s.last && toks_[end].Has(kHasDigit) && !toks_[end].Has(kPunct) && !headed) return 0;  // "Learjet 35A"
  bool common = true, any_common = false;
  for (size_t k = t; k < end; ++k) {
    // Lower-case links inside: "House of Councillors", "Party of Action and Solidarity".
    std::string_view lw = Lower(k);
    if (k > t && k + 1 < end && !IsCap(k) && (lw == "of" || lw == "and" || lw == "for" || lw == "the" || lw == "on"))
      continue;
    if (!IsCap(k) || toks_[k].Has(kHasDigit) || toks_[k].Has(kPunct) || words_[k].find('$') != std::string_view::npos)
      return 0;
    std::string l(Lower(k));
    bool word = !x_.wordnet_ || x_.wordnet_->Has(l, WordClass::kNoun) || x_.wordnet_->Has(l, WordClass::kAdj) ||
                x_.wordnet_->Has(l, WordClass::kVerb) || x_.wordnet_->Has(l, WordClass::kAdv) ||
                x_.wordnet_->Has(x_.wordnet_->Lemma(l, WordClass::kNoun), WordClass::kNoun);
    if (!word) common = false;
    any_common = any_common || word;
  }
  // Other names (events, works, products) only without a common word:
  // "Qantas", "Didier Guillaume", not "Operation X" or "Tropical Storm X".
  if (name_type_[t] == static_cast<int8_t>(NameType::kOther) && any_common) return 0;
  std::string_view after = end < s.last ? Lower(end) : std::string_view();
  bool government = name_type_[t] == static_cast<int8_t>(NameType::kPerson) && end == t + 1 &&
                    (after == "administration" || after == "government");
  if (common && !headed && !government) return 0;
  return end;
}

// The person a "he"/"she" at token t of sentence index refers to: among
// the six persons named most recently whose gender does not contradict the
// pronoun, the most recent, unless one the text has already shown to be of
// the pronoun's gender (by a title or kin word before a name: "Mrs",
// "Queen", "her husband X"; or an earlier pronoun) or the person the last
// sentence began with outweighs the persons named since ("She spoke about
// her husband X ... president Y. She asked": she is still the speaker).
int DocumentRun::PronounAntecedent(char gender, size_t t, uint32_t index) {
  const TreeLexicon* tl = x_.tree_lex_.get();
  // Gender cues of the person mentions added since the last call.
  for (; gender_scan_ < mentions_.size(); ++gender_scan_) {
    const Mention& m = mentions_[gender_scan_];
    if (m.pronoun || m.entity < 0 || entities_[m.entity].e.category != "person" || !tl) continue;
    size_t from = m.first > sents_[m.sentence].first + 3 ? m.first - 3 : sents_[m.sentence].first;
    for (size_t k = m.last; k-- > from;) {
      if (k < m.first && toks_[k].Has(kPunct) && words_[k] != ".") break;
      std::string_view w = Lower(k);
      if (!w.empty() && w.back() == '.') w.remove_suffix(1);
      char g = tl->In("male_word", w) ? 'm' : tl->In("female_word", w) ? 'f' : 0;
      if (g) {
        genders_[m.entity] = g;
        break;
      }
    }
  }
  // The person the last sentence began with, and whether one was named in
  // this sentence before the pronoun.
  int prev_first = -1;
  bool person_here = false;
  std::vector<int> here;  // persons named in this sentence before the pronoun
  for (size_t k = mentions_.size(); k-- > 0;) {
    const Mention& m = mentions_[k];
    if (m.sentence + 1 < index) break;
    if (m.entity < 0 || entities_[m.entity].e.category != "person") continue;
    if (m.sentence == index && m.first < t) {
      person_here = true;
      here.push_back(m.entity);
    }
    if (m.sentence + 1 == index) prev_first = m.entity;  // the earliest wins (backward walk)
  }
  int best = -1;
  double best_score = -1e9;
  int rank = 0;
  for (auto it = recent_persons_.rbegin(); it != recent_persons_.rend() && rank < 6; ++it) {
    char g = genders_[*it];
    if (g != 0 && g != gender) continue;
    double score = -rank;
    if (g == gender) score += 2;
    if (*it == prev_first && !person_here) score += 1.5;
    // ("Stocker says that he is open": the person of this sentence.)
    if (std::find(here.begin(), here.end(), *it) != here.end()) score += 2;
    if (score > best_score) {
      best_score = score;
      best = *it;
    }
    ++rank;
  }
  return best;
}

// Whether the mention speaks the clause the pronoun at p opens: "X says
// (that) it ...", "X claims they ...".
bool DocumentRun::SpeakerOfPronoun(const Mention& m, size_t p) const {
  static const std::unordered_set<std::string_view> kSay = {
      "say",     "says",    "said",    "claim",   "claims",  "claimed",  "announce", "announces", "announced",
      "confirm", "confirms", "confirmed", "state", "states", "stated",  "report",   "reports",   "reported"};
  size_t v = m.last;
  if (v >= p || !kSay.count(Lower(v))) return false;
  return v + 1 == p || (v + 2 == p && Lower(v + 1) == "that");
}

void DocumentRun::FindMentions(const SentenceBounds& s, uint32_t index) {
  // A title at token k, singular or plural ("Senators", "Prime Ministers").
  auto title_at = [&](size_t k, size_t* len, const TitleEntry** te) -> bool {
    if (k >= s.last) return false;
    if (MatchTitleAt(k, len, te)) return true;
    // Plural titles only before a name: "Senators Kamala Harris" (not
    // "American advisers like ...", a group).
    for (size_t w = 1; w <= 2 && k + w < s.last && IsCap(k + w) && Tag(k + w) == Pos::kPropn; ++w) {
      std::string_view last = words_[k + w - 1];
      if (last.size() < 4 || last.back() != 's' || last[last.size() - 2] == 's') continue;
      std::vector<std::string_view> tmp(words_.begin() + k, words_.begin() + k + w);
      std::string singular(last.substr(0, last.size() - 1));
      tmp.back() = singular;
      size_t l2 = 0;
      const TitleEntry* t2 = nullptr;
      if (lex_.MatchTitle(tmp, 0, &l2, &t2) && l2 == w) {
        *len = w;
        *te = t2;
        return true;
      }
    }
    return false;
  };
  // An agent of the user's agents dictionaries (--agents) at token k
  // ("cleric", "government newspaper", "Minister of Silly Walks"): one
  // past its end, or k when none. The shipped list (lexicons/agents.tsv,
  // the extractor's first file) only codes the group nouns of
  // lexicons/groups.tsv. A capitalised agent must be longer than any title
  // there ("Foreign Minister" stays a title).
  auto agent_at = [&](size_t k, const AgentEntry** agent) -> size_t {
    if (!x_.agents_ || k >= s.last || mention_at_[k] >= 0 || toks_[k].Has(kPunct)) return k;
    size_t end = k;
    const AgentEntry* m = x_.agents_->Match(lower_, k, &end);
    if (!m || end > s.last || m->file == 0) return k;
    if (IsCap(k)) {
      size_t tl;
      const TitleEntry* te;
      if (end - k < 2 || (title_at(k, &tl, &te) && tl >= end - k)) return k;
    }
    *agent = m;
    return end;
  };
  // A name that goes on past a lexicon match ("Kanye West", "Gulf Clan",
  // "Morning Joe"): [*b, *e) is the whole capitalised run around [first, last).
  auto longer_name = [&](size_t first, size_t last, size_t* b, size_t* e) -> bool {
    if (s.heading) return false;
    auto plain = [&](size_t k, bool before) {
      size_t tl;
      const TitleEntry* te;
      PhraseMatch pm;
      if (!IsCap(k) || toks_[k].Has(kPunct) || toks_[k].Has(kHasDigit) || words_[k] == "'s") return false;
      // Before: a given name ("Kanye West"); after: a common noun or a
      // head ("Gulf Clan"), never another name ("Houthis Abdul-Malik").
      if (before ? (Tag(k) != Pos::kPropn && Tag(k) != Pos::kNoun) : Tag(k) == Pos::kVerb) return false;
      if (words_[k].size() < 3 || words_[k].find('-') != std::string_view::npos) return false;
      if (mention_at_[k] >= 0 || LooksLikeDateWord(words_[k]) || IsConnective(Lower(k)) || IsPartyWord(words_[k]))
        return false;
      if (title_at(k, &tl, &te)) return false;
      // A lexicon word ends the run, unless it is a bare head the lexicon
      // reads as one body ("United States Commission on ...").
      // A community's word inside a longer name is part of it: "American
      // Jewish Committee", "Arakan Rohingya Salvation Army".
      if (MatchActorAt(k, &pm) && (before || pm.length != 1 || !OrgHeads().count(words_[k])) &&
          !(pm.length == 1 && lex_.actor(pm.entry).category == "group"))
        return false;
      return true;
    };
    *b = first;
    *e = last;
    while (*b > s.first && plain(*b - 1, true)) --*b;
    bool linked_head = false;  // "Commission on ...": the head is before the link
    while (*e < s.last && *e - last < 6) {
      if (plain(*e, false)) {
        ++*e;
        continue;
      }
      // "Commission on International Religious Freedom", "Export–Import Bank".
      std::string_view lw = Lower(*e);
      bool link = (lw == "on" || lw == "for" || lw == "of") && OrgHeads().count(words_[*e - 1]);
      bool dash = (words_[*e] == "\u2013" || words_[*e] == "-") && toks_[*e].begin == toks_[*e - 1].end;
      if ((link || dash) && *e + 1 < s.last && IsCap(*e + 1) && Tag(*e + 1) != Pos::kVerb) {
        if (link) linked_head = true;
        size_t q = *e + 1;
        while (q < s.last && IsCap(q) && !toks_[q].Has(kPunct) && q - *e < 5) ++q;
        *e = q;
        continue;
      }
      break;
    }
    // After: common nouns, or a name that ends in a head ("Gulf Clan",
    // "Baghdad International Airport"), never another name ("Houthis
    // Abdul-Malik").
    if (*e > last) {
      std::string_view h = words_[*e - 1];
      bool head = linked_head || OrgHeads().count(h) || PlaceHeads().count(h) || IsMediaHead(h) || IsDocumentHead(h);
      bool nouns = true;
      for (size_t k = last; k < *e; ++k)
        if (Tag(k) != Pos::kNoun) nouns = false;
      if (!head && !nouns) *e = last;
    }
    return *b < first || *e > last;
  };
  // The country whose armed forces a lexicon organisation is ("Israel
  // Defense Forces", "Russian Armed Forces", "Armed Forces of Ukraine"), or
  // nullptr.
  auto military_of = [&](const ActorEntry& a) -> const ActorEntry* {
    if (a.category != "organization" || a.country.empty()) return nullptr;
    std::vector<std::string> lw = PhraseWords(a.label);
    std::vector<std::string_view> views(lw.begin(), lw.end());
    auto is_forces = [](const std::string& rest) {
      return rest == "armed forces" || rest == "defense forces" || rest == "defence forces" || rest == "army" ||
             rest == "military" || rest == "forces";
    };
    for (size_t len = lw.size() - 1; len >= 1 && len + 3 > lw.size(); --len) {
      std::vector<std::string_view> prefix(views.begin(), views.begin() + len);
      PhraseMatch cm;
      if (lex_.MatchActor(prefix, 0, &cm) && cm.length == len && lex_.actor(cm.entry).category == "country" &&
          lex_.actor(cm.entry).country == a.country) {
        std::string rest;
        for (size_t w = len; w < lw.size(); ++w) rest += (rest.empty() ? "" : " ") + LowerAscii(lw[w]);
        if (is_forces(rest)) return &lex_.actor(cm.entry);
      }
      if (len == 1) break;
    }
    if (lw.size() > 3 && LowerAscii(lw[0]) == "armed" && LowerAscii(lw[1]) == "forces" && lw[2] == "of") {
      size_t w = lw[3] == "the" ? 4 : 3;
      std::vector<std::string_view> rest(views.begin() + w, views.end());
      PhraseMatch cm;
      if (lex_.MatchActor(rest, 0, &cm) && cm.length == rest.size() && lex_.actor(cm.entry).country == a.country)
        return &lex_.actor(cm.entry);
    }
    return nullptr;
  };
  // "Carrie Lam, the chief executive of Hong Kong,": the person a
  // description at token `start` stands in apposition to, or -1.
  auto apposition_person = [&](size_t start) -> int {
    size_t k = start;
    while (k > s.first && start - k < 4 && !toks_[k - 1].Has(kPunct) && !IsCap(k - 1)) --k;  // "the acting"
    if (k <= s.first + 1 || words_[k - 1] != ",") return -1;
    int m = mention_at_[k - 2];
    if (m < 0 || mentions_[m].pronoun || mentions_[m].entity < 0) return -1;
    int e = mentions_[m].entity;
    return entities_[e].e.category == "person" && entities_[e].e.label.find(" of ") == std::string::npos ? e : -1;
  };
  // The country the document is about so far: the one named most (at
  // least twice and more than any other), or nullptr.
  auto document_country = [&]() -> const ActorEntry* {
    // Countries named, counted per country entry; when none is, groups
    // named by their country ("Citizens of Vanuatu"); when none is, people
    // ("Philippine president X reshuffles the entire Cabinet").
    std::unordered_map<int, int> count;
    for (int groups = 0; groups < 3 && count.empty(); ++groups) {
      for (const auto& m : mentions_) {
        if (m.entity < 0 || m.pronoun) continue;
        const auto& me = entities_[m.entity].e;
        int entry = -1;
        if (!groups && me.category == "country") entry = lex_.FindActorByLabel(me.label);
        if (groups == 1 && me.category == "group" && !me.country.empty()) entry = lex_.FindCountry(me.country);
        if (groups == 2 && me.category == "person" && !me.country.empty()) entry = lex_.FindCountry(me.country);
        if (entry >= 0) count[entry]++;
      }
    }
    int best = -1, best_n = 0, second = 0;
    for (const auto& [e, n] : count) {
      if (n > best_n || (n == best_n && e < best)) {
        second = std::max(second, best_n);
        best = e;
        best_n = n;
      } else {
        second = std::max(second, n);
      }
    }
    if (best < 0 || best_n == second) return nullptr;
    return &lex_.actor(best);
  };
  const size_t first_mention = mentions_.size();
  size_t i = s.first;
  while (i < s.last) {
    if (toks_[i].Has(kPunct)) {
      ++i;
      continue;
    }
    std::string_view lower = Lower(i);
    // A sentence-initial adverb or connective is never part of a name.
    if (IsCap(i) && (i == s.first || toks_[i - 1].Has(kPunct)) && i + 1 < s.last && IsConnective(lower)) {
      ++i;
      continue;
    }
    // Currency markers: "US$", "A$" name no actor.
    if (words_[i].find('$') != std::string_view::npos ||
        (i + 1 < s.last && words_[i + 1] == "$" && toks_[i + 1].begin == toks_[i].end)) {
      i += words_[i].find('$') != std::string_view::npos ? 1 : 2;
      continue;
    }
    // "it", "they", "them": the one country, organisation (it) or group
    // (they) named in this or the previous sentence; nothing when several.
    // ("its": the same, as the owner of its forces or weapons only: "Russia
    // says its forces have captured X", "its air defences shot down";
    // not "its plans", "its sanctions".)
    bool its_force = false;
    if (lower == "its" && x_.tree_lex_)
      for (size_t k = i + 1; k < s.last && k <= i + 2 && !its_force; ++k) {
        std::string_view w = Lower(k);
        its_force = lex_.GroupNoun(std::string(w)) || x_.tree_lex_->In("instrument", w) ||
                    x_.tree_lex_->In("actor_head", w);
        if (Tag(k) != Pos::kNoun && Tag(k) != Pos::kAdj) break;
      }
    if ((lower == "it" || lower == "they" || lower == "them" || its_force) &&
        (Tag(i) == Pos::kPron || (lower == "its" && Tag(i) == Pos::kDet))) {
      bool plural = lower != "it" && lower != "its";
      std::string_view next = i + 1 < s.last ? Lower(i + 1) : std::string_view();
      bool expletive = !plural && (next == "is" || next == "was" || next == "'s" || next == "seems" ||
                                   next == "seemed" || next == "appears" || next == "appeared" ||
                                   next == "remains" || next == "remained" || next == "takes" ||
                                   next == "took" || next == "looks" || next == "." || next == ",");
      int cand = -1, org_cand = -1;
      bool ambiguous = false, cand_here = false, org_ambiguous = false;
      for (size_t mi = mentions_.size(); mi-- > 0 && !expletive;) {
        const Mention& pm = mentions_[mi];
        if (pm.sentence + 1 < index) break;
        // One named in this sentence is nearer than any in the one before.
        if (cand_here && pm.sentence < index) break;
        if (pm.entity < 0 || pm.modifier || pm.pronoun) continue;
        const auto& ce = entities_[pm.entity].e;
        if (ce.category == "person" && plural) {
          ambiguous = true;  // "they" may be the people named
          break;
        }
        // A group with a proper name ("Syrian Democratic Forces", every word
        // capitalised) is also "it"; "Russian troops" is only "they".
        // (By the name as written: "the Israel Defense Forces" is labelled
        // "Israeli forces".)
        bool named_group = false;
        if (ce.category == "group") {
          named_group = !ce.label.empty();
          bool word_start = true;
          for (char ch : ce.label) {
            if (word_start && ch >= 'a' && ch <= 'z') named_group = false;
            word_start = ch == ' ';
          }
          if (!named_group && pm.byte_end == 0 && pm.last > pm.first + 1) {
            named_group = true;
            for (uint32_t w = pm.first; w < pm.last; ++w)
              if (!IsCap(w) && Lower(w) != "of" && Lower(w) != "the" && Lower(w) != "for" && Lower(w) != "and")
                named_group = false;
          }
        }
        // ("The March 23 Movement announces that they will withdraw": an
        // organisation of the same sentence is also "they".)
        // (Only when no group is: a group is the likelier "they".)
        bool org_they = plural && lower == "they" && ce.category == "organization" && pm.sentence == index && pm.last <= i;
        if (org_they) {
          if (org_cand == -1) org_cand = pm.entity;
          else if (org_cand != pm.entity) org_ambiguous = true;
          continue;
        }
        bool fits = plural ? ce.category == "group"
                           : (ce.category == "country" || ce.category == "organization" || named_group);
        if (!fits) continue;
        if (cand == -1) {
          cand = pm.entity;
          cand_here = pm.sentence == index;
        } else if (pm.possessive && cand != pm.entity && pm.sentence == index && mi + 1 < mentions_.size() &&
                   mentions_[mi + 1].first == pm.last + 1 && mentions_[mi + 1].entity == cand &&
                   SpeakerOfPronoun(mentions_[mi + 1], i)) {
          // ("Iran's Revolutionary Guards Corps says it": the owner named
          // in the speaker's phrase is not "it".)
        } else if (cand != pm.entity) {
          ambiguous = true;
        }
      }
      if (cand == -1 && !ambiguous && !org_ambiguous) cand = org_cand;
      if (cand >= 0 && !ambiguous && !expletive) {
        Mention m = NewMention(i, i + 1, index, cand);
        m.pronoun = true;
        m.possessive = lower == "its";
        // ("its" owns what follows; it is never itself a subject or object.)
        m.modifier = lower == "its";
        AddMention(m);
      }
      ++i;
      continue;
    }
    // "the company", "the commission": an organisation or group named just
    // before (anaphora.cc).
    if (lower == "the" && !IsCap(i + 1 < s.last ? i + 1 : i)) {
      int e = DefiniteAnaphor(i, s, index);
      if (e >= 0) {
        Mention m = NewMention(i + 1, i + 2, index, e);
        m.pronoun = true;
        m.possessive = i + 2 < s.last && words_[i + 2] == "'s";
        AddMention(m);
        i += 2;
        continue;
      }
    }
    // Pronouns refer to the last person named.
    bool poss = false;
    if (IsPersonPronoun(lower, &poss) && (Tag(i) == Pos::kPron || Tag(i) == Pos::kDet)) {
      char gender = lower[0] == 'h' && lower != "her" ? 'm' : 'f';
      int person = PronounAntecedent(gender, i, index);
      if (person >= 0) {
        if (!genders_[person]) genders_[person] = gender;
        Mention m = NewMention(i, i + 1, index, person);
        m.pronoun = true;
        m.possessive = poss;
        AddMention(m);
      }
      ++i;
      continue;
    }
    // A lexicon name joined by a hyphen to the word after it ("Islamic
    // State-linked", "United Nations-backed") or behind a lower-case prefix
    // ("pro-EU", "anti-Georgian Dream"): a modifier mention of the name's
    // bytes.
    {
      std::string_view w = words_[i];
      size_t dash = w.find('-');
      size_t off = 0;
      static const std::unordered_set<std::string_view> kLowerPrefix = {"pro", "anti", "non", "mainly", "ex",
                                                                        "post", "pre", "predominantly", "mostly"};
      if (!IsCap(i) && dash != std::string_view::npos && dash + 1 < w.size() &&
          std::isupper(static_cast<unsigned char>(w[dash + 1])) && kLowerPrefix.count(Lower(i).substr(0, dash)) &&
          w.find('-', dash + 1) == std::string_view::npos)
        off = dash + 1;
      std::vector<std::string_view> cand;
      size_t last_tok = 0, cut = 0;  // the name ends in token last_tok at byte cut of it (0: its end)
      PhraseMatch hm;
      if (off > 0) {
        // "pro-EU", "anti-Georgian Dream": the prefix's name and the capitalised words after it.
        cand.push_back(w.substr(off));
        for (size_t k = i + 1; k < s.last && k - i < 4 && IsCap(k) && !toks_[k].Has(kPunct) &&
                               words_[k].find('-') == std::string_view::npos;
             ++k)
          cand.push_back(words_[k]);
        if (lex_.MatchActor(cand, 0, &hm)) last_tok = i + hm.length - 1;
      } else if (IsCap(i) && dash == std::string_view::npos && !toks_[i].Has(kPunct)) {
        // "Islamic State-linked": capitalised words up to one that carries the hyphen.
        size_t k = i;
        while (k < s.last && k - i < 4 && IsCap(k) && !toks_[k].Has(kPunct) &&
               words_[k].find('-') == std::string_view::npos)
          cand.push_back(words_[k++]);
        size_t kd = k < s.last ? words_[k].find('-') : std::string_view::npos;
        if (k > i && kd != std::string_view::npos && kd > 0 && IsCap(k) && kd + 1 < words_[k].size() &&
            std::islower(static_cast<unsigned char>(words_[k][kd + 1]))) {
          cand.push_back(words_[k].substr(0, kd));
          if (lex_.MatchActor(cand, 0, &hm) && hm.length == cand.size()) {
            last_tok = k;
            cut = kd;
          }
        }
      }
      if (last_tok > 0) {
        const ActorEntry& a = lex_.actor(hm.entry);
        int e = EntityFor(a.label, a.category, a.country, a.CodeOn(out_.doc.date), true);
        Mention m = NewMention(i, last_tok + 1, index, e);
        m.modifier = true;
        m.byte_begin = toks_[i].begin + static_cast<uint32_t>(off);
        m.byte_end = cut ? toks_[last_tok].begin + static_cast<uint32_t>(cut) : toks_[last_tok].end;
        AddMention(m);
        i = last_tok + 1;
        continue;
      }
    }
    // Hyphenated compounds that start with an actor: "Rwandan-backed",
    // "Houthi-controlled", "Zelensky-Macron". The parts that name actors
    // are modifier mentions (found, never subjects or objects).
    PhraseMatch whole;
    if (!toks_[i].Has(kPunct) && IsCap(i) && words_[i].find('-') != std::string_view::npos &&
        !MatchActorAt(i, &whole)) {
      std::string_view w = words_[i];
      size_t part_begin = 0;
      bool any = false;
      while (part_begin < w.size()) {
        size_t dash = w.find('-', part_begin);
        if (dash == std::string_view::npos) dash = w.size();
        std::string part(w.substr(part_begin, dash - part_begin));
        std::vector<std::string_view> one = {part};
        PhraseMatch pm2;
        int e = -1;
        if (!part.empty() && std::isupper(static_cast<unsigned char>(part[0]))) {
          if (lex_.MatchActor(one, 0, &pm2)) {
            const ActorEntry& a = lex_.actor(pm2.entry);
            e = EntityFor(a.label, a.category, a.country, a.CodeOn(out_.doc.date), true);
          } else if (person_names_.count(part)) {
            e = person_names_.at(part);
          }
        }
        if (e >= 0 && (any || part_begin == 0)) {
          Mention m = NewMention(i, i + 1, index, e);
          m.modifier = true;
          // Byte offsets of the part; the surface may differ from words_ only
          // in quote characters, which never occur inside a hyphenated part.
          m.byte_begin = toks_[i].begin + static_cast<uint32_t>(part_begin);
          m.byte_end = toks_[i].begin + static_cast<uint32_t>(dash);
          AddMention(m);
          any = true;
        }
        if (part_begin == 0 && e < 0) break;  // only compounds that start with an actor
        part_begin = dash + 1;
      }
      if (any) {
        ++i;
        continue;
      }
    }
    // [country] [party] title+ [honorific] Name...: a person with role and
    // affiliation. Plural titles and party labels are not part of the name
    // ("Senators Kamala Harris", "Republican President Trump").
    {
      size_t j = i;
      PhraseMatch aff{};
      bool has_aff = false;
      if (IsCap(j) && MatchActorAt(j, &aff) && j + aff.length < s.last) {
        size_t k = j + aff.length;
        if (k < s.last && words_[k] == "'s") ++k;
        size_t tl;
        const TitleEntry* te;
        const AgentEntry* ag = nullptr;
        if (k < s.last && title_at(k, &tl, &te) && agent_at(k, &ag) <= k + tl) {
          has_aff = true;
          j = k;
        }
      }
      {
        size_t tl;
        const TitleEntry* te;
        if (j + 1 < s.last && IsPartyWord(words_[j]) && title_at(j + 1, &tl, &te)) ++j;
      }
      std::string role;
      size_t title_start = j;
      size_t tl;
      const TitleEntry* te;
      bool titled = false;
      while (j < s.last && MayBeTitle(j) && title_at(j, &tl, &te)) {
        if (!te->honorific && !te->role.empty()) role = te->role;
        titled = true;
        j += tl;
      }
      size_t dictionary_person = 0;
      if (titled && !s.heading) {
        size_t n = j;
        while (n < s.last) {
          // The tagger may miss a short first name before a proper noun ("Xi Jinping").
          bool first_of_two = n == j && IsCap(n) && !toks_[n].Has(kPunct) && n + 1 < s.last && IsCap(n + 1) &&
                              Tag(n + 1) == Pos::kPropn && !toks_[n].Has(kHasDigit);
          if (!(IsCap(n) && !toks_[n].Has(kPunct) && words_[n] != "'s" &&
                (first_of_two || Tag(n) == Pos::kPropn || Tag(n) == Pos::kNoun || Tag(n) == Pos::kAdj ||
                 Tag(n) == Pos::kX))) {
            // Particles inside names: "von der Leyen", "al-Assad".
            if (n > j && IsParticleName(words_[n])) {
              ++n;
              continue;
            }
            if (n > j && IsNameParticle(Lower(n))) {
              size_t q = n;
              while (q < s.last && q - n < 3 && IsNameParticle(Lower(q))) ++q;
              if (q < s.last && IsCap(q) && Tag(q) == Pos::kPropn && !MatchActorAt(q, &aff)) {
                n = q;
                continue;
              }
            }
            break;
          }
          PhraseMatch pm;
          if (n == j && MatchActorAt(n, &pm) && lex_.actor(pm.entry).category != "person") {
            if (!lex_.actor(pm.entry).code.empty()) {
              // "Bree Prime Minister Romendacil" where a user dictionary
              // codes Romendacil: the dictionary's actor.
              const ActorEntry& a = lex_.actor(pm.entry);
              int e = EntityFor(a.label, a.category, a.country, a.CodeOn(out_.doc.date), true);
              Mention m = NewMention(i, n + pm.length, index, e);
              m.possessive = m.last < s.last && words_[m.last] == "'s";
              AddMention(m);
              dictionary_person = m.last;
            }
            break;
          }
          size_t tl2;
          const TitleEntry* te2;
          // A title after the name starts another titled name; a last
          // word that is also a rank is part of this one ("John Major").
          // ("Hassan Sheikh Mohamud": an honorific inside a name is the name's.)
          bool inside = n > j && x_.tree_lex_ && x_.tree_lex_->In("name_title_inside", Lower(n));
          if (MatchTitleAt(n, &tl2, &te2) && !inside && (n == j || (n + tl2 < s.last && IsCap(n + tl2)))) break;
          ++n;
        }
        if (dictionary_person) {
          i = dictionary_person;
          continue;
        }
        std::string name;
        for (size_t k = j; k < n; ++k) {
          if (!name.empty()) name += ' ';
          name += std::string(Surface(k));
        }
        if (n > j && n - j <= 6 && (Tag(n - 1) == Pos::kPropn || IsParticleName(words_[n - 1])) &&
            graph::SuspectLabel(name, false).empty() && !OrgHeads().count(words_[n - 1])) {
          int e = EntityFor(name, "person", "", "", false);
          auto& le = entities_[e];
          if (le.e.role.empty() && !role.empty()) le.e.role = role;
          if (has_aff && le.e.affiliation.empty()) {
            le.e.affiliation = lex_.actor(aff.entry).label;
            le.e.country = lex_.actor(aff.entry).country;
          }
          std::string titled_form;
          for (size_t k = title_start; k < n; ++k) {
            if (!titled_form.empty()) titled_form += ' ';
            titled_form += std::string(Surface(k));
          }
          le.aliases.insert(titled_form);
          // "Mike Lee of Utah": where the person is from.
          size_t end = n;
          PhraseMatch from;
          if (n + 1 < s.last && Lower(n) == "of" && IsCap(n + 1) && MatchActorAt(n + 1, &from) &&
              !lex_.actor(from.entry).country.empty() &&
              (lex_.actor(from.entry).category == "country" || lex_.actor(from.entry).category == "location")) {
            if (le.e.affiliation.empty()) {
              le.e.affiliation = lex_.actor(from.entry).label;
              le.e.country = lex_.actor(from.entry).country;
            }
            end = n + 1 + from.length;
          }
          Mention m = NewMention(i, n, index, e);
          m.possessive = n < s.last && words_[n] == "'s";
          AddMention(m);
          NotePerson(e);
          if (end > n) {  // the place, found but no agent
            const ActorEntry& pa = lex_.actor(from.entry);
            Mention pm2 = NewMention(n + 1, end, index, EntityFor(pa.label, pa.category, pa.country, pa.CodeOn(out_.doc.date), true));
            pm2.modifier = true;
            AddMention(pm2);
          }
          i = end;
          continue;
        }
        // "Maria Levy is appointed Prime Minister", "confirms Pam Bondi as
        // Attorney General": an office taken by the person named before it
        // in the sentence, who then holds that role (a modifier mention:
        // the office is no agent of its own here).
        if (n == j && !role.empty() && !has_aff && IsCap(title_start) && title_start > s.first &&
            !(j < s.last && (Lower(j) == "of" || Lower(j) == "for" || IsCap(j)))) {
          size_t p = title_start;
          while (p > s.first && (Lower(p - 1) == "the" || Lower(p - 1) == "new" || Lower(p - 1) == "next"))
            --p;
          static const std::unordered_set<std::string_view> kTakes = {
              "as", "appointed", "elected", "named", "becomes", "become", "becoming", "became", "re-elected",
              "reelected", "nominated", "chosen", "installed", "confirmed", "designated"};
          int holder = -1;
          if (p > s.first && kTakes.count(Lower(p - 1))) {
            for (size_t mi = mentions_.size(); mi-- > first_mention && holder < 0;) {
              const Mention& hm = mentions_[mi];
              if (hm.entity >= 0 && !hm.modifier && entities_[hm.entity].e.category == "person" && hm.last <= p - 1)
                holder = hm.entity;
            }
          }
          if (holder >= 0) {
            if (entities_[holder].e.role.empty()) entities_[holder].e.role = role;
            Mention m = NewMention(title_start, j, index, holder);
            m.modifier = true;
            AddMention(m);
            i = j;
            continue;
          }
        }
        // "the Prime Minister of Peru": the title's country after it.
        if (n == j && !role.empty() && !has_aff && j + 1 < s.last && Lower(j) == "of" && IsCap(j + 1) &&
            MatchActorAt(j + 1, &aff) && lex_.actor(aff.entry).category == "country" &&
            !(j + 1 + aff.length < s.last && words_[j + 1 + aff.length] == "'s")) {
          has_aff = true;
          n = j = j + 1 + aff.length;
          // "the President of the United States Donald Trump": the holder.
          size_t q = j;
          PhraseMatch other;
          while (q < s.last && q - j < 4 && IsCap(q) && Tag(q) == Pos::kPropn && !toks_[q].Has(kPunct) &&
                 words_[q] != "'s" && !MatchActorAt(q, &other))
            ++q;
          if (q > j) {
            std::string name;
            for (size_t k = j; k < q; ++k) name += (name.empty() ? "" : " ") + std::string(Surface(k));
            int e = EntityFor(name, "person", "", "", false);
            auto& le = entities_[e];
            if (le.e.role.empty()) le.e.role = role;
            if (le.e.country.empty()) {
              le.e.country = lex_.actor(aff.entry).country;
              le.e.affiliation = lex_.actor(aff.entry).label;
            }
            Mention m = NewMention(i, q, index, e);
            m.possessive = q < s.last && words_[q] == "'s";
            AddMention(m);
            NotePerson(e);
            i = q;
            continue;
          }
        }
        // "the Ukrainian president": a description of a person named before.
        if (n == j && !role.empty() && (has_aff || (i > s.first && (Lower(i - 1) == "the")))) {
          int found = -1;
          std::string country = has_aff ? lex_.actor(aff.entry).country : "";
          for (size_t e = 0; e < entities_.size(); ++e) {
            const auto& pe = entities_[e].e;
            if (pe.category == "person" && LowerAscii(pe.role) == LowerAscii(role) &&
                (country.empty() || pe.country == country)) {
              found = found == -1 ? static_cast<int>(e) : -2;
            }
          }
          if (found >= 0 && (!IsCap(title_start) || has_aff)) {
            Mention m = NewMention(i, j, index, found);
            m.pronoun = true;
            AddMention(m);
            i = j;
            continue;
          }
          int appos = apposition_person(title_start);
          std::string_view after = j < s.last ? Lower(j) : std::string_view();
          if (appos >= 0 && has_aff) {
            auto& pe = entities_[appos].e;
            if (pe.role.empty()) pe.role = role;
            if (pe.country.empty()) {
              pe.country = lex_.actor(aff.entry).country;
              pe.affiliation = lex_.actor(aff.entry).label;
            }
            Mention m = NewMention(i, j, index, appos);
            m.pronoun = true;
            AddMention(m);
            i = j;
            continue;
          }
          // Nobody named holds it here: the office, with its country
          // ("Peru's prime minister" -> "Prime Minister of Peru").
          if (found == -1 && has_aff && lex_.actor(aff.entry).category == "country" && after != "of" &&
              after != "at" && after != "for" && after != "to" && !(j < s.last && IsCap(j))) {
            const ActorEntry& ca = lex_.actor(aff.entry);
            int e = EntityFor(role + " of " + OfCountry(ca.label), "person", ca.country, "", false);
            auto& le = entities_[e];
            le.e.role = role;
            le.e.affiliation = ca.label;
            Mention m = NewMention(i, j, index, e);
            m.possessive = j < s.last && words_[j] == "'s";
            AddMention(m);
            i = j;
            continue;
          }
        }
      }
    }
    // A bare group noun opening a sentence ("Police arrested ...",
    // "Protesters gathered ..."): the group of the country the document is
    // about, when it is clear.
    // (Or an armed group or the police as the agent of a passive: "killed
    // in an attack by gunmen on a village in Zamfara State, Nigeria".)
    bool by_agent = i > s.first && Lower(i - 1) == "by" && !IsCap(i);
    // (Or protesters inside a sentence: "did not accede to protesters'
    // demands" in a story about Hong Kong.)
    const std::string* crowd_noun = i > s.first && !IsCap(i) ? lex_.GroupNoun(lower) : nullptr;
    bool crowd = crowd_noun && AgentOf(*crowd_noun) == "OPP" && *crowd_noun != "opposition";
    if (((i == s.first && IsCap(i)) || by_agent || crowd) && Tag(i) != Pos::kVerb && !s.heading) {
      // The noun: one word ("Police"), two ("Security forces"), or a
      // modifier and the noun ("Federal police", "Dock workers").
      size_t noun_end = i + 1;
      PhraseMatch after_noun;
      const std::string* canonical = lex_.GroupNoun(lower);
      // The noun may be capitalised as a heading's is ("Federal Police
      // searches ...") when no name goes on after it.
      if (i + 1 < s.last && !toks_[i + 1].Has(kPunct) &&
          (!IsCap(i + 1) || (Tag(i) != Pos::kPropn && !(i + 2 < s.last && IsCap(i + 2))))) {
        std::string two = std::string(lower) + " " + std::string(Lower(i + 1));
        if (const std::string* c2 = lex_.GroupNoun(two)) {
          canonical = c2;
          noun_end = i + 2;
        } else if (!canonical && (Tag(i) == Pos::kAdj || Tag(i) == Pos::kNoun) && Tag(i + 1) == Pos::kNoun &&
                   lex_.GroupNoun(Lower(i + 1)) && !MatchActorAt(i, &after_noun)) {
          // Not a demonym or name ("Russian forces launch ..." are Russia's,
          // read below; "rebel forces" are rebels).
          canonical = NonStateModifier(lex_, lower);
          if (!canonical) canonical = lex_.GroupNoun(Lower(i + 1));
          noun_end = i + 2;
        }
      }
      // (The agents lexicon's code too: "Gang members" are CRM.)
      bool agent_prefix = false;
      std::string agent = canonical ? AgentCode(x_.agents_.get(), *canonical, &agent_prefix) : "";
      std::string_view next = noun_end < s.last ? Lower(noun_end) : std::string_view();
      PhraseMatch after;
      bool named_after = (next == "of" || next == "from" || next == "in") && noun_end + 1 < s.last &&
                         MatchActorAt(noun_end + 1, &after) && lex_.actor(after.entry).category == "country";
      if (by_agent && agent != "REB" && agent != "CRM" && agent != "COP" && agent != "MIL") agent.clear();
      // ("by fighters associated with X" are X's, not the country's.)
      if (by_agent && noun_end < s.last && Tag(noun_end) == Pos::kVerb && x_.tree_lex_ &&
          x_.tree_lex_->In("tie_verb", VerbLemma(noun_end)))
        agent.clear();
      // Inside a sentence: not people known by where they come from
      // ("activists from 44 countries"), nor a side's supporters
      // ("pro-Palestinian protesters"); the sentence's country first.
      const bool inner = (by_agent || crowd) && i > s.first;
      if (inner && (next == "from" || next == "of" || next == "with" ||
                    ((Lower(i - 1).rfind("pro-", 0) == 0 || Lower(i - 1).rfind("anti-", 0) == 0) &&
                     mention_at_[i - 1] >= 0)))
        agent.clear();
      if (!agent.empty() && !named_after && next != "and" && !(noun_end < s.last && IsCap(noun_end))) {
        // Else the one country this sentence names ("Police in Stuttgart,
        // Germany, arrest ...", "Police clash with protesters in Quito, Ecuador").
        const ActorEntry* dc = agent != "GOV" && !inner ? document_country() : nullptr;
        // "Police in Stuttgart, Germany, arrest ...", "Officials in New York
        // City, United States, order ...": the country of the place list
        // after the noun (officials only so: "Officials said" names no one).
        if (!dc && (next == "in" || next == "of" || next == "from")) {
          for (size_t k = noun_end + 1; k < s.last && (IsCap(k) || words_[k] == ",") && !dc; ++k) {
            PhraseMatch cm;
            if (IsCap(k) && MatchActorAt(k, &cm) && lex_.actor(cm.entry).category == "country" &&
                cm.use != PhraseUse::kAdjective)
              dc = &lex_.actor(cm.entry);
          }
        }
        for (size_t k = noun_end; k < s.last && !dc && agent != "GOV"; ++k) {
          PhraseMatch cm;
          if (!IsCap(k) || !MatchActorAt(k, &cm)) continue;
          const ActorEntry& ca = lex_.actor(cm.entry);
          if (ca.category != "country" || cm.use == PhraseUse::kAdjective) continue;  // "former Philippine president"
          bool other = false;
          for (size_t q = k + cm.length; q < s.last && !other; ++q) {
            PhraseMatch om;
            other = IsCap(q) && MatchActorAt(q, &om) && lex_.actor(om.entry).category == "country" &&
                    lex_.actor(om.entry).country != ca.country;
          }
          if (other) break;
          dc = &ca;
        }
        if (!dc && inner) dc = document_country();
        if (dc) {
          std::string prefix = dc->adjective.empty() ? dc->label : dc->adjective;
          std::string noun = IsForcesNoun(*canonical) ? std::string("forces") : *canonical;
          int e = EntityFor(prefix + " " + noun, "group", dc->country, GroupCode(x_.agents_.get(), dc->CodeOn(out_.doc.date), dc->country, *canonical), false);
          std::string surface;
          for (size_t w = i; w < noun_end; ++w) surface += (surface.empty() ? "" : " ") + std::string(Surface(w));
          entities_[e].aliases.insert(surface);
          AddMention(NewMention(i, noun_end, index, e));
          i = noun_end;
          continue;
        }
      }
    }
    // A prefix agent of a user's agents file before an actor ("MSF" with
    // [NGO~] in "MSF Arnor", "an MSF Arnor diplomat"): a group of the
    // actor whose code starts with the agent's (NGOARN, NGOARNGOV).
    if (x_.agents_) {
      size_t end = i;
      const AgentEntry* pa = x_.agents_->Match(lower_, i, &end);
      PhraseMatch am;
      if (pa && pa->prefix && pa->file > 0 && end < s.last && IsCap(end) && MatchActorAt(end, &am) &&
          (am.use == PhraseUse::kName || am.use == PhraseUse::kAdjective)) {
        const ActorEntry& aa = lex_.actor(am.entry);
        std::string code = aa.CodeOn(out_.doc.date);
        if (code.empty()) code = aa.country;
        code = WithAgent(code, pa->code, true);
        size_t e = end + am.length;
        for (int n = 0; n < 4; ++n) {
          const AgentEntry* ag = nullptr;
          size_t next = agent_at(e, &ag);
          if (next == e) break;
          code = WithAgent(code, ag->code, ag->prefix);
          e = next;
        }
        std::string label;
        for (size_t w = i; w < e; ++w) label += (label.empty() ? "" : " ") + std::string(Surface(w));
        Mention m = NewMention(i, e, index, EntityFor(label, "group", aa.country, code, false));
        m.possessive = e < s.last && words_[e] == "'s";
        AddMention(m);
        i = e;
        continue;
      }
    }
    // Groups named by their country after them: "soldiers from Gondor",
    // "the government of Gondor", "lawmakers and officials in Fornost".
    if (Tag(i) != Pos::kVerb && lex_.GroupNoun(lower)) {
      std::vector<size_t> nouns = {i};
      size_t k = i + 1;
      while (k + 1 < s.last && (Lower(k) == "and" || Lower(k) == ",") && lex_.GroupNoun(Lower(k + 1))) {
        nouns.push_back(k + 1);
        k += 2;
      }
      PhraseMatch cm;
      std::string_view link = k < s.last ? Lower(k) : std::string_view();
      if ((link == "of" || link == "from" || link == "in") && k + 1 < s.last && IsCap(k + 1) &&
          MatchActorAt(k + 1, &cm) && cm.use != PhraseUse::kAdjective &&
          (lex_.actor(cm.entry).category == "country" || !lex_.actor(cm.entry).code.empty())) {
        const ActorEntry& ca = lex_.actor(cm.entry);
        std::string prefix = ca.adjective.empty() ? ca.label : ca.adjective;
        for (size_t h = 0; h < nouns.size(); ++h) {
          // ("rebel forces in Syria" are rebels.)
          const std::string* mod = nouns[h] > s.first && (Tag(nouns[h] - 1) == Pos::kAdj || Tag(nouns[h] - 1) == Pos::kNoun)
                                       ? NonStateModifier(lex_, Lower(nouns[h] - 1))
                                       : nullptr;
          const std::string& noun = mod ? *mod : *lex_.GroupNoun(Lower(nouns[h]));
          int e = EntityFor(prefix + " " + (IsForcesNoun(noun) ? std::string("forces") : noun), "group", ca.country,
                            GroupCode(x_.agents_.get(), ca.CodeOn(out_.doc.date), ca.country,
                                      ca.category != "country" && ca.code.empty() && AgentOf(noun) == "MIL" ? "" : std::string_view(noun)),
                            false);
          Mention m = NewMention(nouns[h], h + 1 == nouns.size() ? k + 1 + cm.length : nouns[h] + 1, index, e);
          AddMention(m);
        }
        i = k + 1 + cm.length;
        // "the ambassadors of Arnor, Osgiliath and Gondor": the noun names a
        // group of each country of the list.
        if (nouns.size() == 1) {
          const std::string& noun = *lex_.GroupNoun(Lower(nouns[0]));
          size_t q = i;
          while (q + 1 < s.last && (Lower(q) == "," || Lower(q) == "and")) {
            size_t c = q + 1;
            if (Lower(q) == "," && c < s.last && Lower(c) == "and") ++c;
            if (c + 1 < s.last && Lower(c) == "the") ++c;
            PhraseMatch more;
            if (!(c < s.last && IsCap(c) && MatchActorAt(c, &more) && more.use != PhraseUse::kAdjective &&
                  (lex_.actor(more.entry).category == "country" || !lex_.actor(more.entry).code.empty())))
              break;
            // "..., Gondor and Arnor officials": the last item has its own noun.
            size_t end = c + more.length;
            if (end < s.last && (words_[end] == "'s" || (!IsCap(end) && lex_.GroupNoun(Lower(end))))) break;
            const ActorEntry& ma = lex_.actor(more.entry);
            std::string mprefix = ma.adjective.empty() ? ma.label : ma.adjective;
            int e = EntityFor(mprefix + " " + (IsForcesNoun(noun) ? std::string("forces") : noun), "group", ma.country,
                              GroupCode(x_.agents_.get(), ma.CodeOn(out_.doc.date), ma.country,
                                        ma.category != "country" && ma.code.empty() && AgentOf(noun) == "MIL" ? "" : std::string_view(noun)),
                              false);
            AddMention(NewMention(c, end, index, e));
            q = i = end;
          }
        }
        continue;
      }
    }
    // Lexicon actors, and groups they head ("Ukrainian officials"); but a
    // lone word that is the surname of a person this document has named is
    // that person ("West backed away ..." after "Kanye West" is not the
    // West; "Jordan" after "Michael Jordan" is not the country), unless it
    // is an adjective ("Western", "Jordanian") or a country named as such.
    PhraseMatch pm;
    bool person_word = false;
    if (IsCap(i) && !toks_[i].Has(kPunct)) {
      auto known = person_names_.find(std::string(words_[i]));
      if (known != person_names_.end()) {
        const std::string& label = entities_[known->second].e.label;
        person_word = label.size() > words_[i].size() &&
                      label.compare(label.size() - words_[i].size(), words_[i].size(), words_[i]) == 0 &&
                      !(i + 1 < s.last && IsCap(i + 1)) && !(i > s.first && Lower(i - 1) == "the");
        // (Not a "person" that is a misread phrase: "One China".)
        std::string first = LowerAscii(label.substr(0, label.find(' ')));
        if (first == "one" || first == "the" || first == "new" || first == "first" || first == "two") person_word = false;
      }
    }
    if (IsCap(i) && !person_word && MatchActorAt(i, &pm)) {
      const ActorEntry& a = lex_.actor(pm.entry);
      size_t end = i + pm.length;
      size_t k = end;
      // One-letter names ("X") are letters far more often than actors.
      if (pm.length == 1 && words_[i].size() == 1) {
        ++i;
        continue;
      }
      // A platform a statement was made on: "wrote on Twitter".
      if (a.category == "organization" && i >= s.first + 2 && (Lower(i - 1) == "on" || Lower(i - 1) == "via")) {
        static const std::unordered_set<std::string_view> kSay = {
            "said", "says", "say", "wrote", "writes", "write", "posted", "posts", "post", "told", "tells",
            "tweeted", "announced", "announces", "stated", "shared", "published", "commented", "declared",
            "responded", "replied", "claimed", "added", "message", "statement", "video", "post", "livestream",
            "broadcast", "streamed", "appeared", "reacted", "thanked", "praised", "criticized", "criticised"};
        bool said = Lower(i - 1) == "via";
        for (size_t k = i - 1; k-- > s.first && i - k <= 8 && !said;) said = kSay.count(Lower(k)) > 0;
        if (said) {
          i = end;
          continue;
        }
      }
      if (k < s.last && (pm.use == PhraseUse::kAdjective || pm.use == PhraseUse::kName)) {
        // Demonym or name + group noun: "Ukrainian officials", "US officials";
        // coordinated demonyms share the noun: "Ukrainian and Russian negotiators".
        std::vector<std::pair<size_t, PhraseMatch>> heads = {{i, pm}};
        size_t g = k;
        while (g + 1 < s.last && (Lower(g) == "and" || Lower(g) == ",") && IsCap(g + 1)) {
          PhraseMatch more;
          if (!MatchActorAt(g + 1, &more) || more.use != PhraseUse::kAdjective) break;
          heads.emplace_back(g + 1, more);
          g = g + 1 + more.length;
        }
        if (heads.size() == 1 && g < s.last && words_[g] == "'s" && pm.use == PhraseUse::kName) ++g;
        size_t mods = g;
        while (g < s.last && (Tag(g) == Pos::kAdj || (Tag(g) == Pos::kNoun && g + 1 < s.last && lex_.GroupNoun(Lower(g + 1)))) &&
               !IsCap(g) && g - mods < 2)
          ++g;
        std::string gl(g < s.last ? Lower(g) : std::string_view());
        // A capitalised group noun only when no name goes on after it ("six
        // Canadian MPs", "the United States Embassy", not "Hungarian Police
        // Federation"); a capitalised armed service is a name ("the Indian
        // Navy", "Pakistan Army"), read further on.
        const std::string* canonical =
            g < s.last && (!IsCap(g) || !(g + 1 < s.last && IsCap(g + 1) && !toks_[g + 1].Has(kPunct)))
                ? lex_.GroupNoun(gl)
                : nullptr;
        // ("Colombian police officers": the two-word group noun's, when it
        // names another group than its last word: the police, but
        // "security forces" stay the forces.)
        if (canonical && g > mods)
          if (const std::string* c2 = lex_.GroupNoun(std::string(Lower(g - 1)) + " " + gl);
              c2 && !(c2->size() >= canonical->size() &&
                      c2->compare(c2->size() - canonical->size(), canonical->size(), *canonical) == 0))
            canonical = c2;
        if (canonical && IsCap(g) && AgentOf(*canonical) == "MIL" &&
            !(Surface(g).size() > 1 && std::isupper(static_cast<unsigned char>(Surface(g)[1]))))
          canonical = nullptr;
        // A country's forces with a capitalised noun: "Pakistan Army",
        // "Russian Armed Forces", "Israel Defense Forces".
        size_t forces_end = 0;
        if (!canonical && heads.size() == 1 && g == k && a.category == "country" && g < s.last && IsCap(g)) {
          std::string two = gl + (g + 1 < s.last ? " " + std::string(Lower(g + 1)) : "");
          if (g + 1 < s.last && (two == "armed forces" || two == "defense forces" || two == "defence forces"))
            forces_end = g + 2;
          else if (gl == "army" || gl == "military" || gl == "forces" || gl == "troops")
            forces_end = g + 1;
          // Part of a longer name: "Russian Military Movements".
          if (forces_end && forces_end < s.last && IsCap(forces_end) && !toks_[forces_end].Has(kPunct)) forces_end = 0;
        }
        // "a Chinese official": the singular names the group too.
        std::string plural;
        if (!canonical && !forces_end && i > s.first &&
            (Lower(i - 1) == "a" || Lower(i - 1) == "an" || Lower(i - 1) == "one")) {
          // The tagger may call the singular an adjective ("official").
          for (size_t gg = mods; gg <= g && gg < s.last && !canonical; ++gg) {
            if (IsCap(gg) || (gg + 1 < s.last && IsCap(gg + 1))) break;
            std::string w(Lower(gg));
            plural = w.size() > 3 && w.compare(w.size() - 3, 3, "man") == 0 ? w.substr(0, w.size() - 3) + "men" : w + "s";
            canonical = lex_.GroupNoun(plural);
            if (canonical) {
              g = gg;
              gl = w;
            }
          }
        }
        // Agents after the name, one after another: "Arnor cleric", "the
        // Quibbler government newspaper", "the Calenardhon Minister of
        // Silly Walks". The group is the actor's, its code the actor's with
        // each agent's in turn (as PETRARCH composes them).
        // Not before a name: "Italian journalist Cecilia Sala" is the person.
        if (!forces_end) {
          std::vector<const AgentEntry*> run;
          size_t e = g;
          while (run.size() < 4) {
            const AgentEntry* ag = nullptr;
            size_t next = agent_at(e, &ag);
            if (next == e) break;
            run.push_back(ag);
            e = next;
          }
          bool name_after = e < s.last && IsCap(e) && !toks_[e].Has(kPunct);
          // "the Indian and Philippine navies": coordinated demonyms stay
          // the actors themselves (the tree joins them; one group each
          // would split them).
          bool coordinated = heads.size() > 1 ||
                             (i > s.first + 1 && (Lower(i - 1) == "and" || Lower(i - 1) == ",") &&
                              mention_at_[i - 2] >= 0 && mentions_[mention_at_[i - 2]].modifier);
          if (!run.empty() && (!canonical || e > g + 1) && !name_after && !coordinated) {
            for (size_t h = 0; h < heads.size(); ++h) {
              const ActorEntry& ha = lex_.actor(heads[h].second.entry);
              std::string code = ha.CodeOn(out_.doc.date);
              if (code.empty()) code = ha.country;
              for (const AgentEntry* ag : run) code = WithAgent(code, ag->code, ag->prefix);
              std::string label = ha.adjective.empty() ? ha.label : ha.adjective, surface;
              for (size_t w = g; w < e; ++w) label += " " + std::string(Surface(w));
              for (size_t w = heads[h].first; w < heads[h].first + heads[h].second.length; ++w)
                surface += (surface.empty() ? "" : " ") + std::string(Surface(w));
              for (size_t w = g; w < e; ++w) surface += " " + std::string(Surface(w));
              int ge = EntityFor(label, "group", ha.country, code, false);
              entities_[ge].aliases.insert(surface);
              Mention m = NewMention(heads[h].first,
                                     h + 1 == heads.size() ? e : heads[h].first + heads[h].second.length, index, ge);
              m.possessive = h + 1 == heads.size() && e < s.last && words_[e] == "'s";
              AddMention(m);
            }
            i = e;
            continue;
          }
        }
        if (forces_end) {
          canonical = nullptr;
          std::string prefix = a.adjective.empty() ? a.label : a.adjective;
          int e = EntityFor(prefix + " forces", "group", a.country, GroupCode(x_.agents_.get(), a.CodeOn(out_.doc.date), a.country, "forces"), false);
          std::string surface;
          for (size_t w = i; w < forces_end; ++w) surface += (surface.empty() ? "" : " ") + std::string(Surface(w));
          entities_[e].aliases.insert(surface);
          Mention m = NewMention(i, forces_end, index, e);
          m.possessive = forces_end < s.last && words_[forces_end] == "'s";
          AddMention(m);
          i = forces_end;
          continue;
        }
        // A country's government, regime or administration is the country
        // ("the Iranian regime", "the Afghan government").
        if (canonical && heads.size() == 1 && a.category == "country" &&
            (gl == "government" || gl == "regime" || gl == "administration")) {
          int e = EntityFor(a.label, a.category, a.country, a.CodeOn(out_.doc.date), true);
          std::string surface;
          for (size_t w = i; w <= g; ++w) surface += (surface.empty() ? "" : " ") + std::string(Surface(w));
          entities_[e].aliases.insert(surface);
          Mention m = NewMention(i, g + 1, index, e);
          m.possessive = g + 1 < s.last && words_[g + 1] == "'s";
          AddMention(m);
          i = g + 1;
          continue;
        }
        // Members of a non-state armed organisation are the organisation:
        // "Houthi rebels", "Hamas fighters" -> Houthis, Hamas.
        if (canonical && heads.size() == 1 && a.category == "organization" &&
            (AgentOf(*canonical) == "REB" || IsForcesNoun(*canonical)) && !military_of(a)) {
          int e = EntityFor(a.label, a.category, a.country, a.CodeOn(out_.doc.date), true);
          std::string surface;
          for (size_t w = i; w <= g; ++w) surface += (surface.empty() ? "" : " ") + std::string(Surface(w));
          entities_[e].aliases.insert(surface);
          Mention m = NewMention(i, g + 1, index, e);
          m.possessive = g + 1 < s.last && words_[g + 1] == "'s";
          AddMention(m);
          i = g + 1;
          continue;
        }
        if (canonical) {
          for (size_t h = 0; h < heads.size(); ++h) {
            const ActorEntry* mil = IsForcesNoun(*canonical) ? military_of(lex_.actor(heads[h].second.entry)) : nullptr;
            const ActorEntry& ha = mil ? *mil : lex_.actor(heads[h].second.entry);
            std::string prefix = ha.adjective;
            if (mil && prefix.empty()) prefix = ha.label;
            if (prefix.empty()) {
              for (size_t w = heads[h].first; w < heads[h].first + heads[h].second.length; ++w)
                prefix += (prefix.empty() ? "" : " ") + std::string(Surface(w));
            }
            std::string noun = IsForcesNoun(*canonical) ? std::string("forces") : *canonical;
            int e = EntityFor(prefix + " " + noun, "group", ha.country,
                              // A region's forces ("Puntland forces") are not its country's.
                              GroupCode(x_.agents_.get(), ha.CodeOn(out_.doc.date), ha.country,
                                        ha.category != "country" && ha.code.empty() && AgentOf(*canonical) == "MIL" ? "" : *canonical),
                              false);
            std::string surface;
            for (size_t w = heads[h].first; w < heads[h].first + heads[h].second.length; ++w)
              surface += (surface.empty() ? "" : " ") + std::string(Surface(w));
            entities_[e].aliases.insert(surface + " " + (IsCap(g) ? std::string(Surface(g)) : gl));
            Mention m = NewMention(heads[h].first, h + 1 == heads.size() ? g + 1 : heads[h].first + heads[h].second.length, index, e);
            AddMention(m);
          }
          i = g + 1;
          continue;
        }
      }
      // The lexicon name is only part of a longer name: "Kanye West",
      // "Gulf Clan" (but not "US President", "Russia Today"'s medium head).
      size_t lb, le;
      bool adjective_org = false;
      if (pm.use == PhraseUse::kAdjective && longer_name(i, end, &lb, &le) && lb == i &&
          (OrgHeads().count(words_[le - 1]) || IsMediaHead(words_[le - 1]) ||
           // A community's adjective starts a place's name too: "Hindu
           // Venkateswara Temple", "Capital Jewish Museum".
           (a.category == "group" && PlaceHeads().count(words_[le - 1]))))
        adjective_org = true;  // "African Export–Import Bank", "Saudi Press Agency"
      if (adjective_org || ((pm.use == PhraseUse::kName || pm.use == PhraseUse::kMetonym || pm.use == PhraseUse::kCapital) &&
                            longer_name(i, end, &lb, &le))) {
        std::string name;
        for (size_t w = lb; w < le; ++w) name += (name.empty() ? "" : " ") + std::string(Surface(w));
        std::string_view head = words_[le - 1];
        if (IsDocumentHead(head)) {  // "Paris Climate Accord": no actor at all
          i = le;
          continue;
        }
        std::string category = PlaceHeads().count(head) ? "location"
                               : (OrgHeads().count(head) || IsMediaHead(head) ||
                                  (lb == i && a.category != "person" && a.category != "group"))
                                   ? "organization"
                                   : "person";
        if (category == "person")
          if (std::string inner = InnerHeadCategory(words_, lb, le); !inner.empty()) category = inner;
        int e = EntityFor(name, category, lb == i && category == "organization" ? a.country : "", "", false);
        Mention m = NewMention(lb, le, index, e);
        m.possessive = le < s.last && words_[le] == "'s";
        m.modifier = IsMediaHead(head);
        AddMention(m);
        if (category == "person") NotePerson(e);
        i = le;
        continue;
      }
      // A country's armed forces under their own name ("IDF", "Russian
      // Armed Forces"): the country's forces group.
      if (const ActorEntry* country = military_of(a)) {
        std::string prefix = country->adjective.empty() ? country->label : country->adjective;
        int e = EntityFor(prefix + " forces", "group", a.country,
                          GroupCode(x_.agents_.get(), country->CodeOn(out_.doc.date), a.country, "forces"), false);
        entities_[e].aliases.insert(a.label);
        std::string surface;
        for (size_t w = i; w < end; ++w) surface += (surface.empty() ? "" : " ") + std::string(Surface(w));
        if (surface != a.label) entities_[e].aliases.insert(surface);
        Mention m = NewMention(i, end, index, e);
        m.possessive = end < s.last && words_[end] == "'s";
        AddMention(m);
        i = end;
        continue;
      }
      // A bare national body ("the Senate") in a story about another
      // country is that country's: "Senate of Philippines".
      if (pm.length == 1 && pm.use == PhraseUse::kName && OrgHeads().count(words_[i]) && !a.country.empty() &&
          a.label != words_[i]) {
        const ActorEntry* dc = document_country();
        if (dc && dc->country != a.country) {
          int e = EntityFor(std::string(words_[i]) + " of " + OfCountry(dc->label), "organization", dc->country, "", false);
          entities_[e].aliases.insert(std::string(words_[i]));
          Mention m = NewMention(i, end, index, e);
          m.possessive = end < s.last && words_[end] == "'s";
          AddMention(m);
          i = end;
          continue;
        }
      }
      int e = EntityFor(a.label, a.category, a.country, a.CodeOn(out_.doc.date), true);
      Mention m = NewMention(i, end, index, e);
      m.modifier = pm.use == PhraseUse::kAdjective;
      m.possessive = end < s.last && words_[end] == "'s";
      if (pm.use == PhraseUse::kName || pm.use == PhraseUse::kMetonym || pm.use == PhraseUse::kCapital) {
        std::string surface;
        for (size_t k2 = i; k2 < end; ++k2) {
          if (!surface.empty()) surface += ' ';
          surface += std::string(Surface(k2));
        }
        if (surface != a.label) entities_[e].aliases.insert(surface);
      }
      if (a.category == "person") NotePerson(e);
      AddMention(m);
      i = end;
      continue;
    }
    // A person named before in this document, whatever the tagger says
    // ("Fico later met Nehammer again"), spelt the same up to diacritics
    // and transliteration ("Erdogan" after "Erdoğan") -- unless the word is
    // part of a longer name ("Morning Joe" is not Joe Biden).
    if (IsCap(i) && !toks_[i].Has(kPunct)) {
      auto known = person_names_.find(std::string(words_[i]));
      if (known == person_names_.end()) known = person_names_.find(graph::FoldKey(std::string(words_[i])));
      size_t lb = i, le = i + 1;
      size_t n = i + 1;
      if (known != person_names_.end()) {
        // The full name again: "Karl Nehammer".
        // (Spelt the same up to diacritics: "Recep Tayyip Erdoğan" after
        // "Recep Tayyip Erdogan".)
        const std::string label_key = graph::FoldKey(entities_[known->second].e.label);
        std::string run(words_[i]);
        for (size_t k = i + 1; k < s.last && k - i < 4 && IsCap(k); ++k) {
          run += " " + std::string(words_[k]);
          if (graph::FoldKey(run) == label_key) n = k + 1;
        }
      }
      if (known != person_names_.end() && !(n == i + 1 && longer_name(i, i + 1, &lb, &le))) {
        Mention m = NewMention(i, n, index, known->second);
        m.possessive = n < s.last && words_[n] == "'s";
        AddMention(m);
        NotePerson(known->second);
        i = n;
        continue;
      }
    }
    // Unknown names: runs of capitalised proper nouns. A sentence's first
    // word that the tagger read as a verb but that is no English verb, with
    // a name after it, starts the name ("Recep Tayyip Erdogan met ...").
    bool initial_non_verb = false;
    if (i == s.first && IsCap(i) && Tag(i) == Pos::kVerb && x_.wordnet_ && i + 1 < s.last && IsCap(i + 1) &&
        Tag(i + 1) == Pos::kPropn && !toks_[i].Has(kPunct) && !toks_[i].Has(kHasDigit)) {
      std::string l(lower);
      initial_non_verb = !x_.wordnet_->Has(x_.wordnet_->Lemma(l, WordClass::kVerb), WordClass::kVerb) &&
                         !x_.wordnet_->Has(l, WordClass::kNoun) && !x_.wordnet_->Has(l, WordClass::kAdj) &&
                         !IsConnective(lower);
    }
    const bool rule_start =
        Tag(i) == Pos::kPropn || initial_non_verb ||
        (Tag(i) != Pos::kPron && Tag(i) != Pos::kDet && Tag(i) != Pos::kAdp && Tag(i) != Pos::kCconj &&
         Tag(i) != Pos::kSconj && Tag(i) != Pos::kAux && Tag(i) != Pos::kVerb && Tag(i) != Pos::kAdv && !s.heading &&
         (i > s.first || (!lex_.GroupNoun(lower) && !IsConnective(lower))) && i + 1 < s.last && IsCap(i + 1) &&
         (Tag(i + 1) == Pos::kPropn ||
          // (Two capitalised modifiers before the name's proper noun:
          // "the Civil Social Coalition party".)
          ((Tag(i + 1) == Pos::kAdj || Tag(i + 1) == Pos::kNoun) && i + 2 < s.last && IsCap(i + 2) &&
           Tag(i + 2) == Pos::kPropn && i > s.first)));
    // "members of Parliament", "the Parliament": a national body however
    // the tagger reads it (inside a sentence, where the capital is the name's).
    const bool national_body = i > s.first && IsNationalBody(words_[i]) && !s.heading &&
                               !(i + 1 < s.last && (IsCap(i + 1) || Lower(i + 1) == "of"));
    // "the Trump administration", "the Orban government": a leader's name
    // before the government they head, however the tagger reads it (a
    // common word only before "administration": "the Labour government"
    // is a party's).
    bool heads_government = false;
    if (IsCap(i) && i > s.first && i + 1 < s.last && !IsCap(i + 1) && !toks_[i].Has(kPunct) &&
        !toks_[i].Has(kHasDigit) && (Lower(i + 1) == "administration" || Lower(i + 1) == "government")) {
      PhraseMatch gm;
      std::string l(lower);
      bool common = !x_.wordnet_ || x_.wordnet_->Has(l, WordClass::kNoun) || x_.wordnet_->Has(l, WordClass::kAdj) ||
                    x_.wordnet_->Has(l, WordClass::kVerb);
      heads_government = !MatchActorAt(i, &gm) && !IsPartyWord(words_[i]) && !LooksLikeDateWord(words_[i]) &&
                         (Lower(i + 1) == "administration" || !common);
    }
    // "dating service Bumble", "the far-right party Spartans": a
    // capitalised word after a noun that says what kind of organisation
    // follows is its name, however the tagger reads it.
    const bool after_descriptor = IsCap(i) && i > s.first && !s.heading && !IsCap(i - 1) &&
                                  IsOrgDescriptor(Lower(i - 1)) && !toks_[i].Has(kPunct) && Tag(i) != Pos::kDet &&
                                  lower != "the";
    // Else a name the statistical tagger finds where the part-of-speech
    // tags show none ("Getty Images", "Hemedti" read as nouns): the run is
    // the tagger's name, no longer.
    const size_t tagged_end = !rule_start && !after_descriptor && IsCap(i) ? TaggedName(s, i) : 0;
    if (IsCap(i) && !toks_[i].Has(kHasDigit) && !LooksLikeDateWord(words_[i]) &&
        (rule_start || tagged_end > 0 || heads_government || national_body || after_descriptor)) {
      size_t n = i;
      while (n < s.last) {
        if (IsCap(n) && !toks_[n].Has(kPunct) && words_[n] != "'s" &&
            (Tag(n) == Pos::kPropn || Tag(n) == Pos::kNoun || Tag(n) == Pos::kAdj || Tag(n) == Pos::kX ||
             Tag(n) == Pos::kNum || (n == i && initial_non_verb) || after_descriptor || n < tagged_end) &&
            !LooksLikeDateWord(words_[n]) && (tagged_end == 0 || n < tagged_end)) {
          if (n > i) {
            PhraseMatch inner;
            if (MatchActorAt(n, &inner) && Tag(n - 1) != Pos::kPropn &&
                !(inner.length == 1 && lex_.actor(inner.entry).category == "group"))
              break;
            // "... Sheinbaum Mexican President Claudia Sheinbaum": a title
            // (or demonym and title) starts the next name.
            size_t tl;
            const TitleEntry* te;
            if (MatchTitleAt(n, &tl, &te) && n + tl < s.last && IsCap(n + tl) &&
                !(x_.tree_lex_ && x_.tree_lex_->In("name_title_inside", Lower(n))))
              break;
            if (MatchActorAt(n, &inner) && inner.use == PhraseUse::kAdjective &&
                n + inner.length < s.last && MatchTitleAt(n + inner.length, &tl, &te))
              break;
          }
          ++n;
          continue;
        }
        // "music network Blood & Honour".
        if (after_descriptor && n > i && words_[n] == "&" && n + 1 < s.last && IsCap(n + 1)) {
          ++n;
          continue;
        }
        // Links inside the tagger's name: "House of Councillors".
        if (n > i && n + 1 < tagged_end && !IsCap(n)) {
          ++n;
          continue;
        }
        // "Bashar al-Assad": an article joined to the name.
        if (n > i && IsParticleName(words_[n])) {
          ++n;
          continue;
        }
        // "Bank of England", "bin Salman", "von der Leyen", "Commission on
        // Human Rights": lower-case links inside names.
        std::string_view lw = Lower(n);
        bool org_link = (lw == "on" || lw == "for" || lw == "of") && OrgHeads().count(words_[n - 1]);
        // "Forum for Economic and Social Rights", "Belt and Road Initiative":
        // "and" between capitalised words of a name that ends, within four
        // words, in the head of an organisation's name.
        // (Not between two whole names: "the Federal Aviation Authority and
        // National Transportation Safety Board" are two.)
        if (n > i && lw == "and" && IsCap(n - 1) && !OrgHeads().count(words_[n - 1]) && n + 1 < s.last && IsCap(n + 1)) {
          size_t q = n + 1;
          while (q < s.last && q <= n + 4 && IsCap(q) && !OrgHeads().count(words_[q])) ++q;
          if (q < s.last && q <= n + 4 && OrgHeads().count(words_[q])) {
            n = q + 1;
            continue;
          }
          // (Or after an organisation's head and its link: "Forum for
          // Economic and Social Rights".)
          bool org_name = false;
          for (size_t p = i; p + 1 < n && !org_name; ++p) {
            std::string_view pl = Lower(p + 1);
            org_name = OrgHeads().count(words_[p]) && (pl == "for" || pl == "of" || pl == "on");
          }
          if (org_name) {
            ++n;
            continue;
          }
        }
        if (n > i && (lw == "of" || IsNameParticle(lw) || org_link)) {
          size_t q = n + 1;
          while (q < s.last && q - n < 3 && (IsNameParticle(Lower(q)) || Lower(q) == "the")) ++q;
          if (q < s.last && IsCap(q) && (Tag(q) == Pos::kPropn || (org_link && Tag(q) != Pos::kVerb))) {
            n = q;
            continue;
          }
        }
        break;
      }
      // The tagger's name, whole or not at all (a lexicon name inside it
      // ends the run: "Islamic" of "Islamic Revolutionary Guard Corps-Quds").
      if (tagged_end > 0 && n != tagged_end) {
        ++i;
        continue;
      }
      size_t b = i;
      size_t title_from = SIZE_MAX;  // first title word stripped from the name
      std::string run_role;
      PhraseMatch of_actor{};
      bool of_known = false;
      // "X of <country>": an organisation of that country ("Federal
      // Aviation Office of Germany") or an office ("Prime Minister of
      // Peru"); after anything else the "of" is not part of the name
      // ("Mike Lee of Utah").
      if (n > i + 1 && Lower(n - 1) == "of" && n < s.last && IsCap(n) && MatchActorAt(n, &of_actor) &&
          !(n + of_actor.length < s.last && words_[n + of_actor.length] == "'s")) {
        size_t tl;
        const TitleEntry* te;
        bool all_titles = true;
        for (size_t k = i; k + 1 < n; ++k)
          if (!MatchTitleAt(k, &tl, &te)) all_titles = false;
        if (OrgHeads().count(words_[n - 2]) || all_titles) {
          of_known = true;
          n += of_actor.length;
        }
      }
      while (n > i + 1 && !IsCap(n - 1) && !IsParticleName(words_[n - 1])) --n;
      // "Red No. 3", "Resolution No. 2728": a numbered thing, no name.
      if (n > i && (words_[n - 1] == "No." || words_[n - 1] == "No") && n < s.last && toks_[n].Has(kHasDigit)) {
        i = n;
        continue;
      }
      // "Martin Okafor of Channel Nine": a person, then where they work.
      if (!of_known) {
        for (size_t k = i + 1; k + 1 < n; ++k) {
          if (Lower(k) != "of") continue;
          size_t tl;
          const TitleEntry* te;
          bool titled_head = false;
          for (size_t t = i; t < k; ++t)
            if (MatchTitleAt(t, &tl, &te)) titled_head = true;
          if (!OrgHeads().count(words_[k - 1]) && !PlaceHeads().count(words_[k - 1]) && !titled_head &&
              Tag(k - 1) == Pos::kPropn && k - i >= 2)
            n = k;
          break;
        }
      }
      if (n <= i) {  // nothing of the run is left to name ("of" trimmed away): no name here
        i = i + 1;
        continue;
      }
      // Leading party labels, connectives and titles are not part of a
      // person's name: "Republican President Trump", "Senators Kamala Harris".
      std::string_view tail_head = words_[n - 1];
      // (Nor of an organisation's name before the noun of its kind: "the
      // Independent Democratic Action party".)
      const bool kind_after = n < s.last && !IsCap(n) && IsOrgDescriptor(Lower(n));
      bool person_like = !OrgHeads().count(tail_head) && !PlaceHeads().count(tail_head) && !IsMediaHead(tail_head) &&
                         !of_known && !kind_after;
      while (person_like && b + 1 < n) {
        size_t tl;
        const TitleEntry* te;
        if ((b == s.first && IsConnective(Lower(b))) || IsPartyWord(words_[b])) {
          ++b;
          continue;
        }
        if (title_at(b, &tl, &te) && b + tl < n && IsCap(b + tl)) {
          if (!te->honorific && !te->role.empty()) run_role = te->role;
          if (title_from == SIZE_MAX) title_from = b;
          b += tl;
          continue;
        }
        break;
      }
      // Hyphenated compounds of names or with lower-case parts ("US-Russia",
      // "US-backed") are modifiers, not names.
      // "Hwang Kyo-ahn", "Val-d'Oise", "Saint-Denis" are one name each: a
      // lower-case part that is no English word, or two parts neither of
      // which names an actor, do not make a compound.
      auto compound_at = [&](size_t k, bool alone, bool* english_suffix) {
        *english_suffix = false;
        if (words_[k].find('-') == std::string_view::npos || IsParticleName(words_[k])) return false;
        auto parts = words_[k];
        size_t dash = parts.find('-');
        std::string first(parts.substr(0, dash));
        std::vector<std::string_view> one = {first};
        PhraseMatch pm2;
        if (lex_.MatchActor(one, 0, &pm2) || person_names_.count(first)) return true;
        if (dash + 1 >= parts.size()) return false;
        size_t stop = parts.find_first_of("-'", dash + 1);
        std::string second(parts.substr(dash + 1, stop == std::string_view::npos ? std::string_view::npos : stop - dash - 1));
        auto english = [&](std::string_view w) {
          std::string l = LowerAscii(w);
          return l.size() >= 3 && (!x_.wordnet_ || x_.wordnet_->Has(l, WordClass::kNoun) ||
                                   x_.wordnet_->Has(l, WordClass::kAdj) ||
                                   x_.wordnet_->Has(x_.wordnet_->Lemma(l, WordClass::kVerb), WordClass::kVerb));
        };
        // "US-backed", "Nimitz-class", "Chancellor-candidate", "Street-to-street":
        // a lower-case English word after a dash.
        for (size_t p = dash; p != std::string_view::npos && p + 1 < parts.size(); p = parts.find('-', p + 1)) {
          size_t e = parts.find('-', p + 1);
          std::string_view part = parts.substr(p + 1, e == std::string_view::npos ? std::string_view::npos : e - p - 1);
          if (!part.empty() && std::islower(static_cast<unsigned char>(part[0])) && english(part)) {
            *english_suffix = true;
            return true;
          }
        }
        // Alone, "Anti-Trump", "Counter-Terrorism", "Iskander-M": a prefix,
        // two English words, or a model letter are no one name (but "the
        // Anti-Corruption Commission" is).
        static const std::unordered_set<std::string_view> kPrefix = {
            "Anti", "Pro", "Non", "Counter", "Post", "Pre", "Ex", "Neo", "Pan", "Semi", "Co", "Inter", "Mid",
            "Far", "Self", "Multi", "Trans", "Sub", "Super", "Ultra", "Mainly", "Mostly"};
        bool model = second.size() == 1 && std::isupper(static_cast<unsigned char>(second[0]));
        if (alone && (kPrefix.count(first) || model || (english(first) && english(second)))) return true;
        // "Zelensky-Macron" pairs two names when the second is one; inside
        // a longer name it is part of it ("Pan-American Highway",
        // "Russo-Ukrainian War").
        std::vector<std::string_view> two = {second};
        return alone && (lex_.MatchActor(two, 0, &pm2) || person_names_.count(second) > 0);
      };
      // A leading compound is not part of the name after it:
      // "Chancellor-candidate Friedrich Merz".
      bool suffix = false;
      while (b + 1 < n && compound_at(b, false, &suffix) && suffix) ++b;
      // "a PSA Airlines Bombardier CRJ-700": a name that ends in an
      // organisation's head is the operator of the model number after it
      // (not after a demonym read already: "a Russian Air Force Tu-22M").
      for (size_t d = b + 2; d < n && !(b > s.first && mention_at_[b - 1] >= 0); ++d) {
        if (!toks_[d].Has(kHasDigit)) continue;
        for (size_t k = d - 1; k > b; --k)
          if (OrgHeads().count(words_[k])) {
            n = k + 1;
            break;
          }
        break;
      }
      bool compound = false, digits = false;
      for (size_t k = b; k < n; ++k) {
        if (toks_[k].Has(kHasDigit)) digits = true;
        if (compound_at(k, n - b == 1, &suffix)) compound = true;
      }
      // Two capitalised names joined before a noun of what goes on between
      // two parties pair them, whether or not either is known ("the
      // Zelensky-Macron meeting", "Hollis-Varga talks").
      if (!compound && n - b == 1 && n < s.last) {
        static const std::unordered_set<std::string_view> kBetween = {
            "meeting", "meetings", "talks", "summit", "call", "deal", "agreement", "accord", "pact", "treaty",
            "border", "war", "conflict", "relations", "ties", "alliance", "negotiations", "dialogue", "rivalry",
            "partnership", "ceasefire", "truce", "feud", "standoff", "dispute", "clash", "clashes", "debate",
            "handshake", "friendship", "rapprochement", "détente", "axis", "match", "bout", "fight"};
        std::string_view w = words_[b];
        size_t dash = w.find('-');
        if (dash != std::string_view::npos && dash > 0 && w.find('-', dash + 1) == std::string_view::npos &&
            dash + 1 < w.size() && std::isupper(static_cast<unsigned char>(w[0])) &&
            std::isupper(static_cast<unsigned char>(w[dash + 1])) && kBetween.count(Lower(n)))
          compound = true;
      }
      bool all_title_words = true;
      for (size_t k = b; k < n; ++k) {
        size_t tl;
        const TitleEntry* te;
        if (!MatchTitleAt(k, &tl, &te)) all_title_words = false;
      }
      std::string name;
      for (size_t k = b; k < n; ++k) {
        if (!name.empty()) name += ' ';
        name += std::string(Surface(k));
      }
      // An office named by its country: "Prime Minister of Peru".
      if (of_known && !s.heading && lex_.actor(of_actor.entry).category == "country" && n - b > 2) {
        size_t tl;
        const TitleEntry* te;
        bool office = true;
        std::string role;
        for (size_t k = b; k < n - of_actor.length - 1; k += tl) {
          if (!MatchTitleAt(k, &tl, &te)) {
            office = false;
            break;
          }
          if (!te->honorific && !te->role.empty()) role = te->role;
        }
        if (office && !role.empty()) {
          const ActorEntry& ca = lex_.actor(of_actor.entry);
          int e = apposition_person(b);
          if (e >= 0) {
            if (entities_[e].e.role.empty()) entities_[e].e.role = role;
            if (entities_[e].e.country.empty()) {
              entities_[e].e.country = ca.country;
              entities_[e].e.affiliation = ca.label;
            }
          } else {
            e = EntityFor(role + " of " + OfCountry(ca.label), "person", ca.country, "", false);
            entities_[e].e.role = role;
            entities_[e].e.affiliation = ca.label;
          }
          Mention m = NewMention(b, n, index, e);
          m.possessive = n < s.last && words_[n] == "'s";
          AddMention(m);
          i = n;
          continue;
        }
      }
      // A lone capitalised head ("the Commission") is the one organisation
      // of the document with that word in its name.
      if (n - b <= 3 && OrgHeads().count(words_[n - 1])) {
        int found = -1;
        for (size_t e = 0; e < entities_.size(); ++e) {
          const auto& oe = entities_[e].e;
          if (oe.category != "organization" || oe.label == name) continue;
          if ((" " + oe.label + " ").find(" " + name + " ") != std::string::npos) found = found == -1 ? static_cast<int>(e) : -2;
        }
        // Else a national body of the country the document is about:
        // "Parliament" in a story about Serbia -> "Parliament of Serbia".
        const ActorEntry* dc = found == -1 && n - b == 1 && IsNationalBody(words_[b]) ? document_country() : nullptr;
        if (dc && found == -1) {
          found = EntityFor(name + " of " + OfCountry(dc->label), "organization", dc->country, "", false);
          entities_[found].aliases.insert(name);
        }
        if (found >= 0) {
          Mention m = NewMention(b, n, index, found);
          m.possessive = n < s.last && words_[n] == "'s";
          AddMention(m);
          i = n;
          continue;
        }
      }
      // A national body of no known country is no name of its own.
      if (national_body && !rule_start && tagged_end == 0) {
        i = n;
        continue;
      }
      // "the United States Commission on International Religious Freedom
      // (USCIRF)": an acronym in brackets after a name is that name's.
      // (Also a mixed-case one, by its capitals: "the African Continental
      // Free Trade Area (AfCFTA)", whose demonym stands before the name.)
      std::string capitals;
      for (char ch : words_[b])
        if (ch >= 'A' && ch <= 'Z') capitals += ch;
      bool acronym = toks_[b].Has(kAllCaps) ||
                     (capitals.size() >= 3 && std::isupper(static_cast<unsigned char>(words_[b].back())) &&
                      words_[b].find(' ') == std::string_view::npos);
      if (n == b + 1 && b >= s.first + 2 && words_[b - 1] == "(" && n < s.last && words_[n] == ")" && acronym &&
          mention_at_[b - 2] >= 0) {
        const Mention& before = mentions_[mention_at_[b - 2]];
        LocalEntity* be = before.entity >= 0 && !before.pronoun ? &entities_[before.entity] : nullptr;
        std::string label = be ? be->e.label : std::string();
        std::string wider = be && before.first > s.first && IsCap(before.first - 1)
                                ? std::string(words_[before.first - 1]) + " " + label
                                : label;
        bool narrow = be && Initials(label, capitals);
        bool initials = be && (narrow || Initials(wider, capitals));
        // (A name with an acronym is no person's, "Continental Free Trade
        // Area" read as one, unless the name tagger calls it a person's:
        // "Andrés Manuel López Obrador (AMLO)".)
        bool tagged_person = name_type_[before.first] == static_cast<int8_t>(NameType::kPerson);
        if (initials &&
            (be->e.category != "person" || (!be->known && label.find(' ') != std::string::npos && !tagged_person))) {
          if (be->e.category == "person") be->e.category = "organization";
          int target = before.entity;
          // The word before the name is the acronym's first letter, and the
          // name's only mention is this one: the name begins there ("the
          // Recording Industry Association of America (RIAA)" was labelled
          // "Industry Association of America"). (Only over a one-word
          // mention of its own there, or none.)
          int bm = mention_at_[b - 2];
          int uses = 0;
          for (const Mention& x : mentions_) uses += x.entity == before.entity;
          const bool has_word = before.first > s.first;
          const size_t w = has_word ? before.first - 1 : before.first;
          const int old = has_word ? mention_at_[w] : -1;
          bool free_word = old < 0 || old == bm ||
                           (mentions_[old].first == w && mentions_[old].last == w + 1 && mentions_[old].byte_end == 0);
          if (has_word && !narrow && !be->known && uses == 1 && free_word &&
              (capitals.empty() || capitals[0] != label[0])) {
            if (old >= 0 && old != bm) mentions_[old].entity = -1;
            // (Copies: EntityFor may grow entities_.)
            const std::string category = be->e.category, country = be->e.country, code = be->e.code;
            target = EntityFor(wider, category, country, code, false);
            entities_[target].widened = true;
            mentions_[bm].first = static_cast<uint32_t>(w);
            mentions_[bm].entity = target;
            mention_at_[w] = bm;
          }
          entities_[target].aliases.insert(std::string(words_[b]));
          AddMention(NewMention(b, n, index, target));
          i = n;
          continue;
        }
      }
      // The acronym again: "AUF leader ..." after "Anguilla United Front (AUF)".
      if (n == b + 1 && acronym) {
        int found = -1;
        for (size_t e = 0; e < entities_.size() && found < 0; ++e)
          if (entities_[e].e.category != "person" && entities_[e].aliases.count(name)) found = static_cast<int>(e);
        if (found >= 0) {
          Mention m = NewMention(b, n, index, found);
          m.possessive = n < s.last && words_[n] == "'s";
          AddMention(m);
          i = n;
          continue;
        }
      }
      // An event, a contest or a storm is no actor ("Winter Olympic Games",
      // "Super Bowl LX", "Tropical Cyclone Dikeledi", "Independence Day").
      // (The last word, or the one before a closing numeral: "Super Bowl
      // LX"; a storm's word anywhere after the first.)
      bool event = false;
      if (const TreeLexicon* tl = x_.tree_lex_.get(); tl && n - b >= 2) {
        size_t last = n - 1;
        std::string_view lw = Lower(last);
        if (lw.find_first_not_of("ivxlcdm") == std::string_view::npos && last > b + 1) --last;
        event = tl->In("event_head", Lower(last));
        for (size_t w = b; w < n && !event; ++w) event = tl->In("storm_word", Lower(w));
        // "Operation Haskanite", "Operation Sindoor": a named operation.
        event = event || tl->In("event_first", Lower(b));
      }
      bool junk = digits || !graph::SuspectLabel(name, false).empty() || IsDocumentHead(words_[n - 1]);
      if (n > b && !compound && !all_title_words && !junk && (!s.heading || n - b == 1)) {
        std::string category = "person";
        std::string_view head = words_[n - 1];
        bool medium = IsMediaHead(head) && n - b > 1;
        if (OrgHeads().count(head) || toks_[b].Has(kAllCaps) || medium || of_known) category = "organization";
        else if (PlaceHeads().count(head)) category = "location";
        else if (std::string inner = InnerHeadCategory(words_, b, n); !inner.empty()) category = inner;
        else if (n - b >= 2 && x_.tree_lex_ && x_.tree_lex_->In("place_first", Lower(b))) category = "location";
        // ("the village of Gobirawa Chali", "the town of X": a place.)
        else if (b >= s.first + 2 && Lower(b - 1) == "of" &&
                 (Lower(b - 2) == "village" || Lower(b - 2) == "town" || Lower(b - 2) == "city" ||
                  Lower(b - 2) == "villages" || Lower(b - 2) == "towns" || Lower(b - 2) == "district" ||
                  Lower(b - 2) == "province" || Lower(b - 2) == "region" || Lower(b - 2) == "island" ||
                  Lower(b - 2) == "municipality" || Lower(b - 2) == "settlement" || Lower(b - 2) == "port"))
          category = "location";
        else if (n - b == 1 && b > s.first) {
          std::string_view prev = Lower(b - 1);
          // (Not an owner or a name the tagger calls a person's: "in
          // response to Trump's tariffs", "take this fight to Trump".)
          bool owner = n < s.last && (words_[n] == "'s" || words_[n] == "'");
          if ((prev == "in" || prev == "at" || prev == "from" || prev == "near" || prev == "to" || prev == "across") &&
              !owner && name_type_[b] != static_cast<int8_t>(NameType::kPerson))
            category = "location";
          // "the members of the Kuvendi": one unknown word after "the" names
          // no person (a place after "in the").
          // (Only a name that closes its phrase: not "the Trump
          // administration", "the Ineos 1:59 Challenge".)
          Pos after_name = n < s.last ? Tag(n) : Pos::kPunct;
          if (prev == "the" && category == "person" && after_name != Pos::kNoun && after_name != Pos::kPropn &&
              after_name != Pos::kNum && !toks_[n < s.last ? n : b].Has(kHasDigit)) {
            std::string_view pp = b >= s.first + 2 ? Lower(b - 2) : std::string_view();
            category = (pp == "in" || pp == "at" || pp == "from" || pp == "near" || pp == "to" || pp == "across" ||
                        pp == "over" || pp == "through" || pp == "into" || pp == "on" || pp == "off" ||
                        pp == "along" || pp == "under" || pp == "beyond" || pp == "around" || pp == "inside")
                           ? "location"
                           : "organization";
          }
        }
        // A name after "company", "party" is an organisation's.
        // (Two words the name tagger calls a person's may be one: "the
        // party Julius Malema leads".)
        // (But an armed or political group's name is one however long:
        // "militant group Jama'at Nasr al-Islam wal-Muslimin claims ...".)
        const std::string_view descriptor = b > s.first ? Lower(b - 1) : std::string_view();
        const bool armed_descriptor = descriptor == "group" || descriptor == "militia" || descriptor == "movement" ||
                                      descriptor == "organisation" || descriptor == "organization";
        if (after_descriptor && b == i && category == "person" &&
            (n - b == 1 || name_type_[b] != static_cast<int8_t>(NameType::kPerson) || armed_descriptor))
          category = "organization";
        // A name only the tagger found has the tagger's type.
        if (tagged_end > 0 && category == "person" && name_type_[b] == static_cast<int8_t>(NameType::kOrganization))
          category = "organization";
        else if (tagged_end > 0 && category == "person" && name_type_[b] == static_cast<int8_t>(NameType::kPlace))
          category = "location";
        if (event) category = "event";
        int e = EntityFor(name, category, of_known ? lex_.actor(of_actor.entry).country : "", "", false);
        // (Named, but what relations are about, like a building.)
        if (event) entities_[e].facility = true;
        if (!run_role.empty() && entities_[e].e.role.empty()) entities_[e].e.role = run_role;
        // The mention covers the title ("President Dale Whitcombe"), the
        // label does not.
        Mention m = NewMention(title_from != SIZE_MAX && category == "person" ? title_from : b, n, index, e);
        m.possessive = n < s.last && words_[n] == "'s";
        m.modifier = medium;  // a medium reports; it is not an agent
        // (The tagger's names are names wherever they stand: "Hemedti, leader of ...".)
        m.initial_unknown = n - b == 1 && (b == s.first || s.heading) && tagged_end == 0 &&
                            !(n < s.last && (Tag(n) == Pos::kVerb || Tag(n) == Pos::kAux) && !s.heading);
        AddMention(m);
        if (category == "person") NotePerson(e);
        i = n;
        continue;
      }
      i = std::max(n, i + 1);
      continue;
    }
    ++i;
  }
  // "the Trump administration": the government a person heads.
  for (size_t a = first_mention; a < mentions_.size(); ++a) {
    Mention& pm = mentions_[a];
    if (pm.sentence != index || pm.pronoun || pm.modifier || pm.entity < 0 || pm.last >= s.last) continue;
    if (entities_[pm.entity].e.category != "person") continue;
    std::string_view nx = Lower(pm.last);
    if (nx != "administration" && nx != "government" && nx != "cabinet") continue;
    std::string surface;
    for (size_t w = pm.first; w < pm.last; ++w) surface += (surface.empty() ? "" : " ") + std::string(Surface(w));
    std::string country = entities_[pm.entity].e.country;
    int e = EntityFor(surface + " " + std::string(nx), "organization", country, country.empty() ? "" : country + "GOV", false);
    pm.entity = e;
    pm.last = pm.last + 1;
    mention_at_[pm.last - 1] = static_cast<int>(a);
  }
  // "the Indonesian House of Representatives", "Canada's Supreme Court",
  // "the House of Representatives of Thailand": a lexicon body of one
  // country (the US House, the US Supreme Court) named with another
  // country's demonym, possessive or "of" is that country's body of the
  // same name. The country's mention becomes a modifier.
  auto rename = [&](Mention& m, Mention& d, bool of) {
    const LocalEntity& body = entities_[m.entity];
    const graph::Entity& de = entities_[d.entity].e;
    if (!body.known || body.e.category != "organization" || body.e.country.empty() || de.category != "country" ||
        de.country.empty() || de.country == body.e.country)
      return;
    int entry = lex_.FindCountry(de.country);
    if (entry < 0) return;
    const ActorEntry& ca = lex_.actor(entry);
    size_t from = m.first;
    if (Lower(from) == "the" && from + 1 < m.last) ++from;
    std::string name;
    bool state = false;  // a state's body ("Supreme Court"), not a company
    for (size_t w = from; w < m.last; ++w) {
      // (None of its words a country's: "US Senate".)
      PhraseMatch cm;
      if (MatchActorAt(w, &cm) && lex_.actor(cm.entry).category == "country") return;
      state |= x_.tree_lex_ && x_.tree_lex_->In("state_body", Lower(w));
      name += (name.empty() ? "" : " ") + std::string(Surface(w));
    }
    if (name.empty() || !state) return;
    std::string prefix = ca.adjective.empty() ? ca.label : ca.adjective;
    int e = EntityFor(of ? name + " of " + OfCountry(ca.label) : prefix + " " + name, "organization", de.country,
                      GroupCode(x_.agents_.get(), ca.CodeOn(out_.doc.date), de.country, LowerAscii(name)), false);
    entities_[e].aliases.insert(name);
    m.entity = e;
    d.modifier = true;
  };
  for (size_t a = first_mention; a < mentions_.size(); ++a) {
    Mention& m = mentions_[a];
    if (m.sentence != index || m.pronoun || m.entity < 0 || m.byte_end != 0) continue;
    int before = m.first > s.first ? mention_at_[m.first - 1] : -1;
    if (before < 0 && m.first > s.first + 1 && words_[m.first - 1] == "'s") before = mention_at_[m.first - 2];
    int after = m.last + 1 < s.last && Lower(m.last) == "of" ? mention_at_[m.last + 1] : -1;
    if (after >= 0 && mentions_[after].first != m.last + 1) after = -1;
    for (int o : {before, after}) {
      if (o < 0 || o == static_cast<int>(a)) continue;
      Mention& d = mentions_[o];
      if (d.pronoun || d.entity < 0 || d.byte_end != 0) continue;
      rename(m, d, o == after);
    }
  }
  // Places in "Town, Region, Country" lists are where, not who: "in
  // Zaporizhzhia, Ukraine" names no subject.
  for (size_t a = first_mention; a < mentions_.size(); ++a) {
    Mention& m1 = mentions_[a];
    if (m1.sentence != index || m1.pronoun || m1.entity < 0 || m1.last + 1 >= s.last || words_[m1.last] != ",")
      continue;
    int next = mention_at_[m1.last + 1];
    if (next < 0 || mentions_[next].entity < 0) continue;
    auto& e1 = entities_[m1.entity];
    auto& e2 = entities_[mentions_[next].entity];
    // (Whether the word before token t is a preposition of place.)
    auto place_prep_before = [&](size_t t) {
      if (t <= s.first) return false;
      std::string_view p = Lower(t - 1);
      return p == "in" || p == "at" || p == "near" || p == "from" || p == "outside";
    };
    bool after_place_prep = place_prep_before(m1.first);
    // ("in Juba and Aweil, South Sudan": the second of two places.)
    if (!after_place_prep && m1.first > s.first + 1 && (Lower(m1.first - 1) == "and" || Lower(m1.first - 1) == ",")) {
      int prev = mention_at_[m1.first - 2];
      // (The first place after its preposition, or closing a group's
      // mention: "security forces in Juba and Aweil, South Sudan".)
      if (prev >= 0 && mentions_[prev].first > s.first && mentions_[prev].entity >= 0 && !mentions_[prev].pronoun) {
        const Mention& pm = mentions_[prev];
        bool placed = place_prep_before(pm.first);
        const std::string& cat = entities_[pm.entity].e.category;
        bool group_in = false;
        for (uint32_t w = pm.first; w + 1 < pm.last; ++w) group_in |= Lower(w) == "in";
        after_place_prep = (cat == "location" && placed) || (cat == "group" && group_in);
      }
    }
    // (Or the first of three: "recaptures El Geteina, White Nile State,
    // Sudan".)
    bool three = false;
    if (!e1.known && e1.e.role.empty() && e2.e.category == "location") {
      const Mention& m2 = mentions_[next];
      int third = m2.last + 1 < s.last && words_[m2.last] == "," ? mention_at_[m2.last + 1] : -1;
      three = third >= 0 && mentions_[third].entity >= 0 && entities_[mentions_[third].entity].e.category == "country";
    }
    bool place1 = e1.e.category == "location" || (!e1.known && (after_place_prep || three) && e1.e.role.empty());
    if (!place1 || !(e2.e.category == "country" || e2.e.category == "location")) continue;
    if (!e1.known) e1.e.category = "location";
    // (A verb's object keeps its first place: "bombs target Zaporizhzhia,
    // Ukraine" strike Zaporizhzhia; the country after it says where.
    // So does a verb's "from": "withdraws from Uvira, South Kivu, DRC".)
    auto verb_at = [&](size_t w) {
      return Tag(w) == Pos::kVerb || (Tag(w) == Pos::kNoun && !IsCap(w) && KnownVerb(VerbLemma(w)));
    };
    // (A first place of three read as a place only by its list stays what
    // it was: "strikes on Dobropillia, Donetsk Oblast, Ukraine".)
    bool object = (!after_place_prep && m1.first > s.first && verb_at(m1.first - 1)) ||
                  (m1.first > s.first + 1 && Lower(m1.first - 1) == "from" && verb_at(m1.first - 2)) ||
                  (three && !after_place_prep);
    if (!object) m1.modifier = true;
    mentions_[next].modifier = true;
  }
}

// The police of the country where an arrest with no agent named happened
// ("Federica Mogherini and two others are arrested in Belgium" -> Belgian
// police), as a mention at token at (the "in" of the place): a country
// after "in" on the verb, directly or as the last place of a "Town,
// Country" list. -1 if none.
int DocumentRun::PlacePolice(size_t verb, uint32_t index) {
  const SentenceBounds& s = sents_[index];
  for (uint32_t k : KidsOf(verb)) {
    if (dep_[k] != Dep::kObl || CaseOf(k) != "in") continue;
    int cs = KidWith(k, Dep::kCase);
    int m = mention_at_[k];
    if (m < 0 || cs < 0 || mentions_[m].entity < 0 || mention_at_[cs] >= 0) continue;
    const graph::Entity* place = &entities_[mentions_[m].entity].e;
    // ("in Brussels, Belgium": the country of the list.)
    for (uint32_t g : KidsOf(k)) {
      int gm = (dep_[g] == Dep::kConj || dep_[g] == Dep::kAppos || dep_[g] == Dep::kNmodNpmod) ? mention_at_[g] : -1;
      if (gm >= 0 && mentions_[gm].entity >= 0 && entities_[mentions_[gm].entity].e.category == "country")
        place = &entities_[mentions_[gm].entity].e;
    }
    if (place->category != "country" || place->country.empty()) continue;
    int entry = lex_.FindCountry(place->country);
    if (entry < 0) continue;
    const ActorEntry& ca = lex_.actor(entry);
    std::string prefix = ca.adjective.empty() ? ca.label : ca.adjective;
    int e = EntityFor(prefix + " police", "group", place->country,
                      GroupCode(x_.agents_.get(), ca.CodeOn(out_.doc.date), place->country, "police"), false);
    (void)s;
    Mention pm = NewMention(static_cast<size_t>(cs), static_cast<size_t>(cs) + 1, index, e);
    pm.implied = true;
    return AddMention(pm);
  }
  return -1;
}


// The civilians of the one country where an act happened, as the mention
// of an unnamed victim noun at node ("three civilians", "30 people"; the
// `victim_noun` list): the country the sentence names (a country, or a
// place of one) other than the agents' own, when only one is. -1
// otherwise ("fires drones at Ukraine ..., wounding five; Poland scrambles
// its jets" names two).
int DocumentRun::VictimGroup(size_t node, size_t verb, uint32_t index, const std::vector<int>& agents) {
  const TreeLexicon* tl = x_.tree_lex_.get();
  if (!tl || mention_at_[node] >= 0 || Tag(node) != Pos::kNoun) return -1;
  // ("Dozens of people are killed", "hundreds of civilians": the count's
  // people.)
  if (tl->In("quantity_noun", Lower(node)))
    for (uint32_t k : KidsOf(node))
      if (dep_[k] == Dep::kNmod && CaseOf(k) == "of" && k > node && Tag(k) == Pos::kNoun && mention_at_[k] < 0) {
        node = k;
        break;
      }
  // Police officers and soldiers killed are that country's police or
  // forces ("kill five police officers in Zamfara, Nigeria").
  std::string force;
  {
    std::string noun(Lower(node));
    if (node > sents_[index].first && dep_[node - 1] == Dep::kCompound && head_[node - 1] == static_cast<int>(node))
      if (const std::string* c2 = lex_.GroupNoun(std::string(Lower(node - 1)) + " " + noun)) noun = *c2;
    const std::string* c = lex_.GroupNoun(noun);
    std::string agent = c ? AgentOf(*c) : "";
    if (agent == "COP") force = "police";
    if (agent == "MIL") force = IsForcesNoun(*c) ? "forces" : *c;
    // (Journalists and protesters struck too: "two journalists are shot
    // dead in Mexico"; not migrants, often foreigners where they die.)
    if (agent == "MED" || agent == "OPP") force = *c;
    // (And armed groups and gangs with no name: "11 bandits are killed in
    // an ambush by the army in Sokoto State, Nigeria" -> Nigerian bandits.)
    if (agent == "REB" || agent == "CRM") force = *c;
  }
  if (force.empty() && !tl->In("victim_noun", NounLemma(node)) && !tl->In("victim_noun", Lower(node))) return -1;
  const SentenceBounds& s = sents_[index];
  std::set<std::string> own;
  bool state_agent = false;
  for (int a : agents)
    if (mentions_[a].entity >= 0) {
      own.insert(entities_[mentions_[a].entity].e.country);
      state_agent |= entities_[mentions_[a].entity].e.category == "country";
    }
  // The countries the sentence names as places (a country, or a place of
  // one); when there are several, the first after a locative preposition
  // ("in", "on", "near", ...: directly or through a "Town, Region,
  // Country" list) after the verb.
  std::set<std::string> all;
  std::string located;
  for (size_t k = s.first; k < s.last; ++k) {
    int m = mention_at_[k];
    if (m < 0 || mentions_[m].first != k || mentions_[m].entity < 0 || mentions_[m].pronoun) continue;
    const graph::Entity& e = entities_[mentions_[m].entity].e;
    if ((e.category != "country" && e.category != "location") || e.country.empty()) continue;
    // (Before the verb, the agents' own country is theirs, not the place;
    // "Russian-occupied" says who holds it; a demonym whose weapon, also
    // when tagged as a name: "Swedish strikes".)
    if ((k < verb && own.count(e.country)) || mentions_[m].byte_end != 0 || Tag(k) == Pos::kAdj ||
        (mentions_[m].modifier && e.category == "country" && k + 1 < s.last && head_[k] == static_cast<int>(k + 1)))
      continue;
    all.insert(e.country);
    if (!located.empty() || k < verb) continue;
    for (size_t b = k, steps = 0; b > s.first && steps < 10; --b, ++steps) {
      std::string_view w = Lower(b - 1);
      if (w == "in" || w == "on" || w == "near" || w == "at" || w == "across" || w == "throughout" ||
          w == "inside" || w == "outside" || w == "around") {
        located = e.country;
        break;
      }
      if (!(w == "," || w == "of" || w == "the" || w == "and" || Tag(b - 1) == Pos::kAdj || IsCap(b - 1))) break;
    }
  }
  // ("Five civilians are killed by militants in Niger": the place inside
  // a non-state group's mention, "militants in Niger", says where.)
  if (all.empty() && located.empty() && !state_agent)
    for (int a : agents) {
      const Mention& am = mentions_[a];
      if (am.entity < 0 || entities_[am.entity].e.category != "group" || entities_[am.entity].e.country.empty()) continue;
      for (size_t w = am.first; w < am.last; ++w)
        if (Lower(w) == "in") located = entities_[am.entity].e.country;
    }
  std::string iso = all.size() == 1 ? *all.begin() : located;
  // A state's strike on its own country's people is rarely what a
  // sentence says ("a Ukrainian drone attack on ... Russian-controlled
  // Donetsk").
  if (iso.empty() || (state_agent && own.count(iso))) return -1;
  int entry = lex_.FindCountry(iso);
  if (entry < 0) return -1;
  const ActorEntry& ca = lex_.actor(entry);
  std::string prefix = ca.adjective.empty() ? ca.label : ca.adjective;
  std::string noun = force.empty() ? "civilians" : force;
  int e = EntityFor(prefix + " " + noun, "group", iso, GroupCode(x_.agents_.get(), ca.CodeOn(out_.doc.date), iso, noun),
                    false);
  return AddMention(NewMention(node, node + 1, index, e));
}

// A name its acronym widened by one first word ("the European Southern
// Observatory (ESO)", with "European" read as a demonym) is that name
// wherever the shorter one is found again: "European Southern
// Observatory" later, "European" a demonym before "Southern Observatory".
void DocumentRun::JoinWidenedNames() {
  for (size_t w = 0; w < entities_.size(); ++w) {
    const LocalEntity& we = entities_[w];
    if (!we.widened || we.known || we.e.kind != graph::EntityKind::kActor) continue;
    size_t sp = we.e.label.find(' ');
    if (sp == std::string::npos) continue;
    std::string first = we.e.label.substr(0, sp);
    auto it = entity_index_.find(graph::EntityId(graph::EntityKind::kActor, we.e.label.substr(sp + 1)));
    if (it == entity_index_.end() || it->second == static_cast<int>(w) || entities_[it->second].known ||
        entities_[it->second].e.category == "person")
      continue;
    const int short_entity = it->second;
    for (size_t mi = 0; mi < mentions_.size(); ++mi) {
      Mention& m = mentions_[mi];
      if (m.entity != short_entity || m.pronoun) continue;
      m.entity = static_cast<int>(w);
      size_t b = m.first;
      if (b > sents_[m.sentence].first && words_[b - 1] == first) {
        int old = mention_at_[b - 1];
        // (Only over a one-word mention there, or none.)
        if (old >= 0 && old != static_cast<int>(mi) &&
            !(mentions_[old].first == b - 1 && mentions_[old].last == b && mentions_[old].byte_end == 0))
          continue;
        if (old >= 0 && old != static_cast<int>(mi)) mentions_[old].entity = -1;
        m.first = static_cast<uint32_t>(b - 1);
        mention_at_[b - 1] = static_cast<int>(mi);
      }
    }
  }
}

// One node per person: "Putin" and "President Putin" join "Vladimir Putin";
// spellings that differ only in diacritics or transliteration ("Erdoğan",
// "Erdogan"; "Zelensky", "Zelenskyy") are one node labelled with the most
// frequent form; lone unknown words at sentence starts that name nobody are
// dropped.
void DocumentRun::ResolveNames() {
  std::vector<int> uses(entities_.size(), 0);
  for (const auto& m : mentions_)
    if (m.entity >= 0 && !m.pronoun) uses[m.entity]++;
  std::vector<int> into(entities_.size(), -1);
  // Joins e into t unless t already leads back to e: every rule below joins
  // through it, so no two rules can make a cycle.
  auto join = [&](size_t e, int t) {
    int r = t;
    for (size_t steps = 0; r >= 0 && into[r] >= 0 && steps <= entities_.size(); ++steps) r = into[r];
    if (r != static_cast<int>(e)) into[e] = t;
  };
  // Spelling variants of one name (not lexicon entries: those are one
  // entry already).
  {
    std::unordered_map<std::string, int> by_key;
    for (size_t e = 0; e < entities_.size(); ++e) {
      const auto& le = entities_[e];
      if (le.known || le.e.category == "group") continue;
      std::string key = graph::FoldKey(le.e.label);
      // "ABS-CBN Corporation" and "ABS-CBN": one organisation.
      if (le.e.category == "organization")
        if (std::string corp = graph::CorporateKey(key); !corp.empty()) key = std::move(corp);
      key = le.e.category + "|" + key;
      auto [it, fresh] = by_key.emplace(key, static_cast<int>(e));
      if (fresh) continue;
      int a = it->second, b = static_cast<int>(e);
      int keep = uses[b] > uses[a] ? b : a, drop = keep == a ? b : a;
      into[drop] = keep;
      it->second = keep;
      for (size_t o = 0; o < entities_.size(); ++o)
        if (into[o] == drop) into[o] = keep;
    }
  }
  // An office ("Chief Executive of Hong Kong") is the one person of the
  // document named with that role (and that country, when both have one).
  for (size_t e = 0; e < entities_.size(); ++e) {
    const auto& oe = entities_[e].e;
    if (entities_[e].known || oe.category != "person" || oe.role.empty() ||
        oe.label.find(" of ") == std::string::npos || oe.label.compare(0, oe.role.size(), oe.role) != 0)
      continue;
    int found = -1;
    for (size_t p = 0; p < entities_.size(); ++p) {
      const auto& pe = entities_[p].e;
      if (p == e || pe.category != "person" || pe.label.find(" of ") != std::string::npos) continue;
      if (LowerAscii(pe.role) != LowerAscii(oe.role)) continue;
      if (!pe.country.empty() && pe.country != oe.country) continue;
      found = found == -1 ? static_cast<int>(p) : -2;
    }
    if (found >= 0 && into[e] < 0) join(e, found);
  }
  // "Islamic Revolutionary Guard Corps of Iran" beside "Islamic
  // Revolutionary Guard Corps": an organisation named with its country is
  // the one named without it. "Mahan" beside "Mahan Air": the first word of
  // the one organisation of two capitalised words that starts with it, used
  // alone (not a person's office or foundation: "Trump Administration").
  {
    std::unordered_map<std::string, std::vector<int>> org_by_key, org_by_first;
    for (size_t e = 0; e < entities_.size(); ++e) {
      const auto& le = entities_[e];
      if (le.e.category != "organization" || uses[e] == 0) continue;
      org_by_key[graph::FoldKey(le.e.label)].push_back(static_cast<int>(e));
      size_t sp = le.e.label.find(' ');
      if (!le.known && sp != std::string::npos && le.e.label.find(' ', sp + 1) == std::string::npos) {
        std::string head = le.e.label.substr(sp + 1);
        // (Not a person's office: "Trump Administration", "Biden Campaign".)
        if (!head.empty() && head[0] >= 'A' && head[0] <= 'Z' && head != "Administration" && head != "Government" &&
            head != "Cabinet" && head != "Campaign" && head != "Foundation" && head != "Organization")
          org_by_first[graph::FoldKey(le.e.label.substr(0, sp))].push_back(static_cast<int>(e));
      }
    }
    for (size_t e = 0; e < entities_.size(); ++e) {
      const auto& le = entities_[e];
      if (le.known || into[e] >= 0 || uses[e] == 0) continue;
      const std::string& label = le.e.label;
      size_t of = label.rfind(" of ");
      if (le.e.category == "organization" && of != std::string::npos) {
        std::string place = label.substr(of + 4);
        if (place.rfind("the ", 0) == 0) place.erase(0, 4);
        int entry = lex_.FindActorByLabel(place);
        auto it = org_by_key.find(graph::FoldKey(label.substr(0, of)));
        if (entry >= 0 && lex_.actor(entry).category == "country" && it != org_by_key.end() &&
            it->second.size() == 1 && it->second[0] != static_cast<int>(e)) {
          const auto& pe = entities_[it->second[0]].e;
          // (A bare "Navy" without a country may be another country's.)
          if (pe.country == lex_.actor(entry).country ||
              (pe.country.empty() && entities_[it->second[0]].known))
            join(e, it->second[0]);
        }
        continue;
      }
      // (Only a lone word read as a person: "IBM" beside "IBM Cloud" is the
      // company, not its product.)
      if (label.find(' ') != std::string::npos || !le.e.role.empty() || le.e.category != "person" ||
          (le.e.category == "person" && genders_.count(static_cast<int>(e)) && genders_.at(static_cast<int>(e)) != 0))
        continue;
      auto it = org_by_first.find(graph::FoldKey(label));
      if (it != org_by_first.end() && it->second.size() == 1 && it->second[0] != static_cast<int>(e))
        join(e, it->second[0]);
    }
  }
  auto root = [&](int e) {
    // (Bounded: a cycle left by two rules must not hang the run.)
    for (size_t steps = 0; e >= 0 && into[e] >= 0 && steps <= entities_.size(); ++steps) e = into[e];
    return e;
  };
  std::unordered_map<std::string, std::vector<int>> by_surname;
  for (size_t e = 0; e < entities_.size(); ++e) {
    const auto& le = entities_[e];
    // (A lexicon person too: "General Soleimani" beside "Qasem Soleimani".)
    if (le.e.category != "person" || into[e] >= 0) continue;
    if (le.e.label.find(" of ") != std::string::npos) continue;  // an office
    std::string label = le.e.label;
    size_t sp = label.rfind(' ');
    if (sp == std::string::npos) continue;
    std::string last = label.substr(sp + 1);
    if (last == "Jr." || last == "Sr." || last == "Jr" || last == "II" || last == "III") {
      label.resize(sp);
      sp = label.rfind(' ');
      if (sp == std::string::npos) continue;
      last = label.substr(sp + 1);
    }
    by_surname[graph::FoldKey(last)].push_back(static_cast<int>(e));
  }
  for (size_t e = 0; e < entities_.size(); ++e) {
    const auto& le = entities_[e];
    if (le.known || into[e] >= 0 || le.e.label.find(' ') != std::string::npos) continue;
    auto it = by_surname.find(graph::FoldKey(le.e.label));
    if (it != by_surname.end() && it->second.size() == 1) {
      join(e, it->second[0]);
      continue;
    }
    // Several full names with that surname: the one the text names at
    // least twice as often as each other ("Soleimani" beside eleven "Qasem
    // Soleimani" and three "Shahid Soleymani").
    if (it != by_surname.end()) {
      int best = -1;
      for (int c : it->second)
        if (best < 0 || uses[c] > uses[best]) best = c;
      bool dominant = true;
      for (int c : it->second)
        if (c != best && uses[best] < 2 * uses[c]) dominant = false;
      if (dominant) join(e, best);
      continue;
    }
    // A transliteration one letter away ("Saree" beside "Yahya Sarea"):
    // a lone name of five letters or more, when one surname is that close.
    if (it != by_surname.end() || le.e.category != "person") continue;
    std::string key = LowerAscii(le.e.label);
    if (key.size() < 5) continue;
    int found = -1;
    for (const auto& [surname, ents] : by_surname) {
      if (ents.size() != 1) continue;
      const std::string& full = entities_[ents[0]].e.label;
      std::string last = LowerAscii(full.substr(full.rfind(' ') + 1));
      if (ALetterApart(last, key))
        found = found == -1 ? ents[0] : -2;
    }
    if (found >= 0) join(e, found);
  }
  // "Shahid Soleymani" beside "Qasem Soleimani": an honorific ("martyr",
  // "pilgrim": the `honorific_before` list) before a surname, or its
  // spelling one letter away, of the one person of the document with that
  // surname. (Also a first name elsewhere, so only beside such a person.)
  if (const TreeLexicon* tl = x_.tree_lex_.get()) {
    for (size_t e = 0; e < entities_.size(); ++e) {
      const auto& le = entities_[e];
      if (le.known || le.e.category != "person" || into[e] >= 0) continue;
      size_t sp = le.e.label.find(' ');
      if (sp == std::string::npos || le.e.label.find(' ', sp + 1) != std::string::npos) continue;
      if (!tl->In("honorific_before", LowerAscii(le.e.label.substr(0, sp)))) continue;
      std::string key = graph::FoldKey(le.e.label.substr(sp + 1));
      int found = -1;
      for (size_t o = 0; o < entities_.size(); ++o) {
        const auto& oe = entities_[o].e;
        size_t osp = oe.label.rfind(' ');
        if (o == e || oe.category != "person" || osp == std::string::npos) continue;
        std::string last = graph::FoldKey(oe.label.substr(osp + 1));
        if (last == key || ALetterApart(last, key)) found = found == -1 ? static_cast<int>(o) : -2;
      }
      if (found >= 0) join(e, found);
    }
  }
  // Two spellings of one name with one word a letter apart ("Haghia Sophia"
  // and "Hagia Sophia"), and a name glossed in brackets right after another
  // ("Ayasofya [Haghia Sophia]"): one node.
  {
    std::vector<std::vector<std::string>> words(entities_.size());
    for (size_t e = 0; e < entities_.size(); ++e) {
      const auto& le = entities_[e];
      if (le.known || le.e.category == "group" || le.e.kind != graph::EntityKind::kActor) continue;
      std::string key = graph::FoldKey(le.e.label);
      size_t start = 0;
      while (start < key.size()) {
        size_t sp = key.find(' ', start);
        if (sp == std::string::npos) sp = key.size();
        words[e].push_back(key.substr(start, sp - start));
        start = sp + 1;
      }
    }
    for (size_t e = 0; e < entities_.size(); ++e) {
      if (into[e] >= 0 || words[e].size() < 2) continue;
      for (size_t o = 0; o < e; ++o) {
        if (words[o].size() != words[e].size() || entities_[o].e.category != entities_[e].e.category) continue;
        size_t differ = 0, at = 0;
        for (size_t w = 0; w < words[e].size(); ++w)
          if (words[e][w] != words[o][w]) {
            ++differ;
            at = w;
          }
        if (differ != 1 || !ALetterApart(words[e][at], words[o][at])) continue;
        join(e, static_cast<int>(o));
        break;
      }
    }
    // "G7 Summit" beside "G7", "Amazon rainforest" beside "Amazon": a name
    // and the same name with a head word for its meeting or its land are
    // one node (the lexicon's one when there is one).
    {
      const TreeLexicon* tl = x_.tree_lex_.get();
      std::unordered_map<std::string, int> by_label;
      for (size_t e = 0; e < entities_.size(); ++e)
        if (entities_[e].e.kind == graph::EntityKind::kActor && entities_[e].e.category != "group")
          by_label.emplace(graph::FoldKey(entities_[e].e.label), static_cast<int>(e));
      for (size_t e = 0; e < entities_.size() && tl; ++e) {
        const auto& le = entities_[e];
        if (le.e.kind != graph::EntityKind::kActor) continue;
        size_t sp = le.e.label.rfind(' ');
        if (sp == std::string::npos) continue;
        std::string head = LowerAscii(le.e.label.substr(sp + 1));
        bool meeting = tl->In("name_meeting", head), land = tl->In("name_land", head);
        if (!meeting && !land) continue;
        auto it = by_label.find(graph::FoldKey(le.e.label.substr(0, sp)));
        if (it == by_label.end() || it->second == static_cast<int>(e)) continue;
        int o = it->second;
        // The meeting is its members' ("attended the G7 Summit"); the short
        // name is the land's, whatever else the lexicon calls so ("Amazon").
        if (meeting && into[e] < 0 && !le.known) join(e, o);
        else if (land && into[o] < 0 && le.e.category == "location" && entities_[o].e.category != "country")
          join(o, static_cast<int>(e));
      }
    }
    for (size_t i = 0; i + 1 < mentions_.size(); ++i) {
      const Mention& a = mentions_[i];
      const Mention& b = mentions_[i + 1];
      if (a.pronoun || b.pronoun || a.entity < 0 || b.entity < 0 || a.entity == b.entity || a.sentence != b.sentence)
        continue;
      // (Square brackets: an editor's gloss in a quotation; parentheses
      // hold other things too: "Solar System (Mass)".)
      if (b.first != a.last + 1 || b.last >= toks_.size() || words_[a.last] != "[" || words_[b.last] != "]") continue;
      if (b.last + 1 < sents_[a.sentence].last && IsCap(b.last + 1)) continue;  // "Women World [Chess] Championship"
      // (The tagger may type the two differently.)
      if (entities_[a.entity].known || entities_[b.entity].known || entities_[a.entity].e.category == "group" ||
          entities_[b.entity].e.category == "group" || entities_[a.entity].e.category == "country" ||
          entities_[b.entity].e.category == "country")
        continue;
      if (into[a.entity] < 0) join(a.entity, b.entity);
      else if (into[b.entity] < 0) join(b.entity, a.entity);
    }
  }
  // The end of a longer name: "Von der Leyen", "bin Salman".
  for (size_t e = 0; e < entities_.size(); ++e) {
    const auto& le = entities_[e];
    if (le.known || into[e] >= 0 || le.e.category != "person" || le.e.label.find(' ') == std::string::npos) continue;
    std::string tail = " " + graph::FoldKey(le.e.label);
    int found = -1;
    for (size_t o = 0; o < entities_.size(); ++o) {
      const auto& oe = entities_[o];
      if (o == e || into[o] >= 0 || oe.e.category != "person") continue;
      std::string key = graph::FoldKey(oe.e.label);
      if (key.size() > tail.size() && key.compare(key.size() - tail.size(), tail.size(), tail) == 0)
        found = found == -1 ? static_cast<int>(o) : -2;
    }
    if (found >= 0) join(e, found);
  }
  // East Asian order: a two-word name whose first word is used alone and
  // whose last word never is ("Xi" of "Xi Jinping") keeps the first word
  // as an alias, so that other documents' "Xi" finds it.
  {
    std::unordered_map<int, std::pair<int, int>> lone;  // entity -> (first word alone, last word alone)
    for (const auto& m : mentions_) {
      int e = root(m.entity);
      if (e < 0 || m.pronoun || m.last != m.first + 1 || entities_[e].e.category != "person") continue;
      const std::string& label = entities_[e].e.label;
      size_t sp = label.find(' ');
      if (sp == std::string::npos || label.find(' ', sp + 1) != std::string::npos) continue;
      std::string w(words_[m.first]);
      if (w == label.substr(0, sp)) lone[e].first++;
      if (w == label.substr(sp + 1)) lone[e].second++;
    }
    for (const auto& [e, c] : lone)
      if (c.first > 0 && c.second == 0) entities_[e].aliases.insert(entities_[e].e.label.substr(0, entities_[e].e.label.find(' ')));
  }
  std::vector<int> nonInitialUse(entities_.size(), 0);
  for (const auto& m : mentions_)
    if (m.entity >= 0 && !m.initial_unknown) nonInitialUse[m.entity]++;
  for (auto& m : mentions_) {
    if (m.entity < 0) continue;
    int target_index = root(m.entity);
    if (target_index != m.entity) {
      auto& target = entities_[target_index];
      const auto& from = entities_[m.entity];
      target.aliases.insert(from.e.label);
      for (const auto& a : from.aliases) target.aliases.insert(a);
      if (target.e.role.empty()) target.e.role = from.e.role;
      if (target.e.affiliation.empty()) {
        target.e.affiliation = from.e.affiliation;
        target.e.country = from.e.country;
      }
      m.entity = target_index;
    } else if (m.initial_unknown && nonInitialUse[m.entity] == 0) {
      m.entity = -1;  // "Negotiations ..." at a sentence start: not a name
    }
  }
}

}  // namespace newsgraph::extract
