/// Surnames and forenames for generated candidates: a varied, multilingual list, with the accents,
/// apostrophes and hyphens that real registers carry, so that sorting, width and upper-casing
/// (`SURNAME: Forenames`) are exercised.
enum DemoNames {
    static let surnames = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson",
        "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson",
        "Clarke", "Khan", "Ahmed", "Hussain", "Begum", "Ali", "Singh", "Kaur", "Nguyễn", "Trần",
        "Müller", "Schäfer", "Kowalski", "Wiśniewski", "Nowak", "Lewandowska", "O'Brien", "O'Connor", "Ó Súilleabháin", "MacDonald",
        "Murphy", "Kelly", "Okafor", "Adeyemi", "Mensah", "Osei", "Campbell", "Stewart", "Morgan", "Hughes",
        "Lloyd", "Price", "Rossi", "García", "Fernández", "Martínez", "Silva", "Santos", "Yılmaz", "Demir",
        "Chen", "Wang", "Li", "Zhang", "Kim", "Park", "Novák", "Dvořák", "Popescu", "Ionescu",
        "Andersson", "Nielsen", "Brontë", "Smith-Jones", "Fitzgerald", "Mahmood", "Iqbal", "Chowdhury", "Sharma", "Das",
    ]
    static let forenames = [
        "Oliver", "Amelia", "George", "Olivia", "Harry", "Isla", "Noah", "Ava", "Jack", "Mia",
        "Leo", "Ivy", "Arthur", "Freya", "Muhammad", "Lily", "Oscar", "Florence", "Charlie", "Grace",
        "Zoë", "Chloë", "Siobhán", "Seán", "Niamh", "Aoife", "Łukasz", "Wojciech", "Zuzanna", "Małgorzata",
        "José", "María", "Inés", "Andrés", "François", "Hélène", "Jürgen", "Björn", "Søren", "Ağan",
        "Aisha", "Fatima", "Yusuf", "Ibrahim", "Priya", "Arjun", "Aarav", "Ananya", "Chidi", "Adaeze",
        "Kwame", "Ama", "Thanh", "Minh", "Wei", "Mei", "Ji-woo", "Seo-yeon", "Mary-Jane", "Anna-Lena",
        "Emily", "Sophie", "Thomas", "James", "William", "Ella", "Lucas", "Evie", "Daniel", "Hannah",
        "Kai", "Rhys", "Cerys", "Dylan", "Megan", "Ewan", "Eilidh", "Callum", "Róisín", "Dáithí",
    ]
}
