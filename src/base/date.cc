#include "base/date.h"

#include <chrono>
#include <cstdio>

namespace precis {
namespace {

// The number the n digits at `at` spell, or -1.
int Digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::string DateKey(std::string_view d) {
  const std::string as_is(d);
  const int year = Digits(d, 0, 4), month = Digits(d, 5, 2), day = Digits(d, 8, 2);
  if (year < 0 || month < 1 || day < 1 || d[4] != '-' || d[7] != '-') return as_is;
  if (d.size() == 10) return as_is;
  const int hour = Digits(d, 11, 2), minute = Digits(d, 14, 2);
  if ((d[10] != 'T' && d[10] != ' ') || hour < 0 || minute < 0 || d[13] != ':') return as_is;
  size_t at = 16;  // past HH:MM
  int second = 0;
  std::string fraction;
  if (at < d.size() && d[at] == ':') {
    second = Digits(d, at + 1, 2);
    if (second < 0) return as_is;
    at += 3;
    if (at < d.size() && (d[at] == '.' || d[at] == ',')) {
      const size_t from = at++;
      while (at < d.size() && d[at] >= '0' && d[at] <= '9') ++at;
      fraction = "." + std::string(d.substr(from + 1, at - from - 1));
    }
  }
  int offset = 0;  // minutes east of UTC
  if (at == d.size()) {
    return as_is;  // no zone: local time of some unknown place
  } else if (d[at] == 'Z' && at + 1 == d.size()) {
    offset = 0;
  } else if ((d[at] == '+' || d[at] == '-') &&
             (d.size() == at + 6 || d.size() == at + 5 || d.size() == at + 3)) {
    const int oh = Digits(d, at + 1, 2);
    const bool colon = d.size() == at + 6;
    if (colon && d[at + 3] != ':') return as_is;
    const int om = d.size() == at + 3 ? 0 : Digits(d, at + (colon ? 4 : 3), 2);
    if (oh < 0 || om < 0) return as_is;
    offset = (d[at] == '-' ? -1 : 1) * (oh * 60 + om);
  } else {
    return as_is;
  }
  using namespace std::chrono;
  const year_month_day ymd{std::chrono::year(year), std::chrono::month(unsigned(month)),
                           std::chrono::day(unsigned(day))};
  if (!ymd.ok()) return as_is;
  const sys_seconds local = sys_days(ymd) + hours(hour) + minutes(minute) + seconds(second);
  const sys_seconds utc = local - minutes(offset);
  const sys_days utc_day = floor<days>(utc);
  const year_month_day u{utc_day};
  const hh_mm_ss<seconds> t{utc - utc_day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", int(u.year()),
                unsigned(u.month()), unsigned(u.day()), int(t.hours().count()),
                int(t.minutes().count()), int(t.seconds().count()));
  return buf + fraction;
}

}  // namespace precis
