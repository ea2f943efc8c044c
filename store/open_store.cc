// OpenStore: a PostgreSQL URI or a SQLite path (store/store.h).
#include "store/store.h"

namespace newsgraph::io {

bool IsPostgresUri(const std::string& where) {
  return where.rfind("postgresql://", 0) == 0 || where.rfind("postgres://", 0) == 0;
}

std::unique_ptr<Store> OpenStore(const std::string& where, OpenMode mode) {
  if (IsPostgresUri(where)) return OpenPostgresStore(where, mode);
  return OpenSqliteStore(where, mode);
}

#ifndef NEWSGRAPH_WITH_POSTGRES
bool HasPostgres() { return false; }
std::unique_ptr<Store> OpenPostgresStore(const std::string& uri, OpenMode) {
  throw StoreError(uri.substr(0, uri.find('@') == std::string::npos ? uri.size() : 0) +
                   ": this newsgraph was built without PostgreSQL support (libpqxx-dev)");
}
#endif

}  // namespace newsgraph::io
