// Not public: document dates as the stages compare them.
#ifndef PRECIS_BASE_DATE_H_
#define PRECIS_BASE_DATE_H_

#include <string>
#include <string_view>

namespace precis {

// A key that orders dates as instants: "YYYY-MM-DD", alone or opening a
// timestamp "YYYY-MM-DD(T| )HH:MM[:SS[.fraction]][Z|+HH:MM|-HH:MM|+HHMM]". A
// timestamp with an offset is moved to UTC ("2004-01-04T23:00:00-05:00" and
// "2004-01-05T04:00:00Z" give the same key); one without stays as written
// (its zone unknown). A date only sorts before any time of its day. Input
// that is not such a timestamp is returned as it is.
std::string DateKey(std::string_view date);

}  // namespace precis

#endif  // PRECIS_BASE_DATE_H_
