// Package calendar counts working days by the State Council's yearly
// holiday list, including make-up working days (调休), as DESIGN.md R3
// requires. Every deadline and notice period in hallcast (R1, R2, R7, R9) is
// computed here.
//
// A Calendar is built from Year lists in the public holiday-cn JSON shape.
// Days on a list override the default rule (Monday to Friday work, Saturday
// and Sunday off): an entry with isOffDay true is a holiday, one with
// isOffDay false is a working day even on a weekend. A Calendar covers only
// the years whose list it was given; arithmetic that needs a day of another
// year fails with ErrNotCovered unless the Calendar was made Provisional:
// then a year without a list counts on the statutory holidays (Statutory)
// and results that rely on it are marked provisional.
//
// Counting follows Chinese administrative practice: the day of the event
// does not count, the period starts on the next day. "自收到申请之日起20个
// 工作日内" received on Wednesday 2026-09-30 ends on AddWorkdays(2026-09-30,
// 20) = Tuesday 2026-11-03.
//
// Dates are civil dates (Date), free of time zones. A Calendar is
// immutable and safe for concurrent use.
//
// Service keeps the lists in the database: the built-in years are seeded on
// first start (Seed), admins import holiday-cn files and edit single days,
// and Service.Calendar returns a cached Calendar that is rebuilt when a list
// changes on any instance (the change bus, Topic). The rest of hallcast
// gets its Calendar there, never from Builtin directly.
package calendar
