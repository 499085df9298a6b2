/**
 * Given names common in the United States that are seldom family names, written for this module from
 * general knowledge (no list copied): what tells "SYNTHINGTON VIRGINIA" (a remittance printing LAST FIRST in
 * capitals, no comma) from "VIRGINIA SYNTHINGTON" when the fax prints the name no other way. Names that are
 * as often family names (James, Thomas, Henry, Lee, Allen, George, Paul, Grace, ...) are left out on purpose: a table
 * hit must say "given name" alone. Session 20.
 */
const NAMES = `
aaron abigail adam adrian adriana aiden aisha alan alberto alejandra alejandro alexa alexander alexandra alexis
alfredo alice alicia alisha alison alyssa amanda amber amelia amy ana andrea andres andrew angela angelica angelina
anita ann anna anne annette anthony antonio april ariana arianna arturo ashley audrey aurora ava barbara beatrice
becky benjamin bernadette beth bethany betty beverly bianca bobby bonnie brandon brandy brenda brendan brian
brianna bridget brittany brooke caleb camila candace carla carlos carmen carol caroline carolyn cassandra catherine
cecilia chad charlene charlotte chelsea cheryl chloe christina christine christopher cindy claire claudia colleen
connie courtney cristina crystal cynthia daisy damian daniela danielle darlene darnell david dawn deborah debra
denise derek destiny diana diane dmitri dolores dominic donald donna doris dorothy dylan edgar eduardo eileen
elaine elena elijah elizabeth ella ellen emily emma enrique eric erica erika erin esther ethan eugene evelyn fatima
felicia fernando francesca francisco gabriel gabriela gabriella gabrielle gary genevieve georgia gerald gina
giovanni giselle gladys gloria gregory guadalupe gwendolyn hailey hannah heather heidi helen hiroshi holly ian
imani irene isaac isabel isabella isaiah ivan jacob jacqueline jada jaime jamal janet janice jasmine jason javier
jeffrey jennifer jeremy jerome jesse jessica jesus joan joanna joanne jocelyn jonathan jorge jose joseph joshua
joyce juan juanita judith judy julia julian juliana julie justin kaitlyn karen karina katherine kathleen kathryn
kathy katie kayla keisha kenneth kevin kimberly kristen kristin kyle latoya laura lauren leah leticia lillian linda
lindsay lisa lorena lorraine louise lucia lucy luis luz lydia madeline madison manuel marcus margaret margarita
maria mariah marie marilyn marisol marjorie martha mary matthew maureen megan melanie melissa mercedes michael
michelle miguel mildred miranda miriam molly monica monique nancy natalie natasha nathan nathaniel nicholas nicole
nina noah nora norma olivia omar pamela patricia paula pauline peggy priya rachel ralph ramon randy raquel raymond
rebecca regina renee ricardo robert roberto rosa rosemary roxanne ruth sabrina samantha samuel sandra sara sarah
savannah sergio shannon sharon sheila shirley sofia sonia sophia stacy stephanie steven susan suzanne sylvia tamara
tammy tanya tara teresa theresa tiffany timothy tina tonya tracy trevor valerie vanessa veronica vicki victoria
vincent virginia vivian wanda wendy xavier yolanda yvonne zachary zoe
`;

const GIVEN = new Set(NAMES.split(/\s+/).filter(Boolean));

/** Whether a word is a given name common enough, and seldom enough a family name, to tell a name's order. */
export function isCommonGivenName(word: string): boolean {
  return GIVEN.has(word.toLowerCase());
}
