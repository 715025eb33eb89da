"""The built-in contradiction comparators, one module each, found through the `comparators`
registry (resolve/comparison.py says what a comparator is):

- `numeric` (numeric.py): two figures for one fact that cannot both hold;
- `denial` (denial.py): an event told as happened or planned, and the same event denied;
- `date` (dates.py): one event placed at different dates less than two months apart;
- `planned_figure` (planned_figure.py): a planned figure against a reported one, for the
  same parties (two facts);
- `level` (levels.py): what two reductions or withdrawals of one force leave;
- `denied_presence` (denied_presence.py): a denial that a kind of force is present in or
  employed by a country, against another source's report of such a force acting there;
- `done_vs_planned` (done_vs_planned.py): an agreement told as concluded against one told as
  still planned;
- `denied_tie` (denied_ties.py): a denied tie against the best supported fact of that tie;

and those comparing the accounts of one incident (resolve/accounts.py), inside one article
or across:

- `toll` (tolls.py): two figures of harm for one slot that cannot both hold;
- `existence` (existence.py): a count of harm told as none ("no civilians were killed")
  against a count of some;
- `victims` (victims.py): one teller's count of combatants against another's count of
  civilians for one slot: the dead described apart;
- `count` (counts.py): two counts of one named group at the scene that cannot both hold
  ("thousands of protesters" against "several hundred protesters");
- `responsibility` (responsibility.py): accounts holding disjoint parties responsible;
- `responsibility_denied` (responsibility.py): a party blamed, against its denial;
- `denial_of_preceding` (denial_of_preceding.py): a denial pointing back ("disputes this
  figure") against the claim before it;
- `contrary` (contrary.py): a statement naming the side it contradicts ("contrary to what
  the rebels claim, ...") against that side's claim;
- `accusation_answered` (accusation_answered.py): an accusation against the accused party's
  answer that calls it false or names it;
- `disowned_figure` (disowned_figure.py): a source saying it never gave the figures that
  are told as its own, against those accounts;

and those comparing texts and dates, whatever they tell:

- `copy` (copies.py): one text told by two articles (agency copy) with a different figure
  or date in it ("worth 4 million euros" against "worth $4 million");
- `weekday` (weekdays.py): a weekday told beside a date it does not fall on, against another
  article telling that date with the weekday it falls on.

A disagreement that two outlets relay in the same words is one contradiction, told by the
earliest article (resolve/comparison.py).
"""
