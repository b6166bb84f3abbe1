/** Word lists for synthetic people and companies. */

export const FIRST_NAMES = [
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
  "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen",
  "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Sandra", "Mark", "Ashley", "Steven", "Emily",
  "Andrew", "Michelle", "Kenji", "Amanda", "Joshua", "Melissa", "Kevin", "Stephanie", "Brian", "Rebecca",
  "Ahmed", "Laura", "Ravi", "Sofia", "Lukas", "Chloe", "Mateo", "Hannah", "Wei", "Aisha",
  "Olga", "Pierre", "Ingrid", "Diego", "Yuki", "Fatima", "Noah", "Priya", "Liam", "Elena",
] as const;

export const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
  "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
  "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
  "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
  "Muller", "Schmidt", "Dubois", "Rossi", "Kowalski", "Tanaka", "Patel", "Singh", "Larsen", "Okafor",
] as const;

export const COMPANY_WORDS_A = [
  "Apex", "Blue", "Bright", "Cedar", "Clear", "Coastal", "Copper", "Crest", "Delta", "Eagle",
  "Ember", "Evergreen", "Falcon", "First", "Granite", "Harbor", "Horizon", "Iron", "Keystone", "Lake",
  "Liberty", "Lumen", "Maple", "Meridian", "Metro", "Nimbus", "North", "Oak", "Orbit", "Pacific",
  "Peak", "Pine", "Pioneer", "Prime", "Quantum", "Red", "Ridge", "River", "Silver", "Sky",
  "Solar", "Spruce", "Star", "Stone", "Summit", "True", "Union", "Vector", "Vista", "West",
] as const;

export const COMPANY_WORDS_B = [
  "Analytics", "Bank", "Bio", "Brands", "Capital", "Care", "Cloud", "Commerce", "Data", "Devices",
  "Dynamics", "Energy", "Engineering", "Foods", "Freight", "Games", "Health", "Holdings", "Industries", "Insurance",
  "Labs", "Learning", "Logistics", "Media", "Medical", "Metals", "Mobility", "Motors", "Networks", "Partners",
  "Pharma", "Power", "Retail", "Robotics", "Security", "Services", "Shipping", "Software", "Solutions", "Studios",
  "Supply", "Systems", "Technologies", "Telecom", "Textiles", "Therapeutics", "Trading", "Travel", "Ventures", "Works",
] as const;

export const COMPANY_SUFFIXES = ["Inc.", "LLC", "Ltd", "GmbH", "Group", "Co.", "Corp."] as const;

export const FREE_MAIL_DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "proton.me"] as const;
