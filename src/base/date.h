// Not public: document dates as the stages compare them.
#ifndef PRECIS_BASE_DATE_H_
#define PRECIS_BASE_DATE_H_

#include <string>
#include <string_view>

namespace precis {

// Whether `date` opens with a day of the calendar, "YYYY-MM-DD" (no
// 2024-02-30), alone or followed by "T", "t" or a space and anything.
bool IsDate(std::string_view date);

// A key that orders dates as instants. A date is read as "YYYY-MM-DD",
// then a time "(T|t| )HH:MM[:SS[(.|,)fraction]]" if one follows (hours
// 0-23, minutes 0-59, seconds 0-60), then a zone "Z", "z", "+HH:MM", "+HHMM"
// or "+HH" (up to 18 hours) ending the string. A time with a zone is moved
// to UTC ("2004-01-04T23:00:00-05:00" and "2004-01-05T04:00:00Z" give the
// same key); one without a zone, or with anything else after it ("09:30
// EST"), stays as written, its zone unknown. A date without a readable time
// is its day, which sorts before any time of that day. Keys have one shape
// ("YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS[.fraction]"), so they compare as
// text; input that IsDate refuses is returned as it is.
std::string DateKey(std::string_view date);

}  // namespace precis

#endif  // PRECIS_BASE_DATE_H_
