/**
 * Words around a name that tell what it is: a title makes it a person ("Mr Washington"), an
 * organisation's head word makes it part of a name ("University of Georgia"), a road word after
 * two places makes a route. Written out here, as data of the finder's rules: every list is short
 * and English, the language the finder reads.
 */

/** A set of the words of a list written as text. */
function words(list: string): ReadonlySet<string> {
  return new Set(list.trim().split(/\s+/));
}

/** Before a name, a person's title: the name is a person's ("Sen. Clinton", "Mr Jackson"). */
export const PERSON_TITLES = words(`
    mr mrs ms miss dr sen senator rep representative gov governor president judge justice
    lt sgt capt captain col gen general prof professor rev reverend sir lady lord king
    queen prince princess officer deputy detective coach pope father brother sister mayor
    minister secretary chairman spokesman spokeswoman attorney cpl pvt sheriff trooper
    chief
  `);

/**
 * Before "of <name>", the head of an organisation's name: the place is part of it ("University
 * of Georgia", "Bank of America"), not where anything happens.
 */
export const ORGANISATION_HEADS = words(`
    university college school bank church archdiocese diocese museum institute department
    board court club company corporation hospital academy association society chamber
    federation league foundation bureau office commission agency ministry library center
    centre order council synod conservatory seminary orchestra theatre theater party
  `);

/**
 * After a name, capitalised words that do not make it part of a longer name: a weekday or month
 * of a news sentence ("in Moscow Tuesday"), an official's title ("Texas Gov. ...").
 */
export const FREE_AFTER = words(`
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december gov governor mayor president
    sen senator rep attorney police officials prime foreign defense defence interior
  `);

/** Before a name, capitalised words of direction that leave the name a place ("Southern Ohio"). */
export const FREE_BEFORE = words(`
    north south east west northern southern eastern western central northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern upper lower
    greater downtown in from to at near of the and for on by via
  `);

/** After "X–Y", the words that make the pair a route. */
export const ROUTE_WORDS = words(`
    road roads highway highways corridor corridors route routes motorway motorways railway
    railways railroad expressway freeway
  `);
