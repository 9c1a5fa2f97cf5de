#include "base/date.h"

#include <algorithm>
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

std::chrono::year_month_day Day(std::string_view d) {
  const int year = Digits(d, 0, 4), month = Digits(d, 5, 2), day = Digits(d, 8, 2);
  if (year < 0 || month < 0 || day < 0 || d[4] != '-' || d[7] != '-') {
    return {std::chrono::year(0), std::chrono::month(0), std::chrono::day(0)};  // not ok()
  }
  return {std::chrono::year(year), std::chrono::month(unsigned(month)),
          std::chrono::day(unsigned(day))};
}

// Minutes east of UTC that the zone `z` names, or -1 << 20 if it is none.
constexpr int kNoZone = -(1 << 20);
int ZoneMinutes(std::string_view z) {
  if (z == "Z" || z == "z") return 0;
  if (z.size() != 3 && z.size() != 5 && z.size() != 6) return kNoZone;
  if (z[0] != '+' && z[0] != '-') return kNoZone;
  if (z.size() == 6 && z[3] != ':') return kNoZone;
  const int h = Digits(z, 1, 2), m = z.size() == 3 ? 0 : Digits(z, z.size() - 2, 2);
  if (h < 0 || m < 0 || m > 59 || h * 60 + m > 18 * 60) return kNoZone;
  return (z[0] == '-' ? -1 : 1) * (h * 60 + m);
}

}  // namespace

bool IsDate(std::string_view d) {
  if (d.size() < 10 || !Day(d).ok()) return false;
  return d.size() == 10 || d[10] == 'T' || d[10] == 't' || d[10] == ' ';
}

std::string DateKey(std::string_view d) {
  if (!IsDate(d)) return std::string(d);
  const std::string day(d.substr(0, 10));
  const int hour = Digits(d, 11, 2), minute = Digits(d, 14, 2);
  if (d.size() < 16 || hour < 0 || hour > 23 || d[13] != ':' || minute < 0 || minute > 59) {
    return day;
  }
  size_t at = 16;  // past HH:MM
  int second = 0;
  std::string fraction;
  if (at + 3 <= d.size() && d[at] == ':' && Digits(d, at + 1, 2) >= 0 &&
      Digits(d, at + 1, 2) <= 60) {
    second = std::min(Digits(d, at + 1, 2), 59);  // a leap second orders as :59
    at += 3;
    if (at + 1 < d.size() && (d[at] == '.' || d[at] == ',') && Digits(d, at + 1, 1) >= 0) {
      const size_t from = ++at;
      while (at < d.size() && d[at] >= '0' && d[at] <= '9') ++at;
      fraction = "." + std::string(d.substr(from, at - from));
    }
  }
  using namespace std::chrono;
  const sys_seconds local = sys_days(Day(d)) + hours(hour) + minutes(minute) + seconds(second);
  const int offset = ZoneMinutes(d.substr(at));
  sys_seconds utc = offset == kNoZone ? local : local - minutes(offset);
  const sys_days utc_day = floor<days>(utc);
  year_month_day u{utc_day};
  // Only years 0-9999 keep the key's shape; past either end the local time
  // (always in range) is off by hours at most.
  if (int(u.year()) < 0 || int(u.year()) > 9999) {
    utc = local;
    u = year_month_day{floor<days>(utc)};
  }
  const hh_mm_ss<seconds> t{utc - floor<days>(utc)};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", int(u.year()),
                unsigned(u.month()), unsigned(u.day()), int(t.hours().count()),
                int(t.minutes().count()), int(t.seconds().count()));
  return buf + fraction;
}

}  // namespace precis
