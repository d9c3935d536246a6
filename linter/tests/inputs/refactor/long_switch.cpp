int long_switch(int code) {
  switch (code) {  // expect: refactor/long-switch
    case 0: return 10;
    case 1: return 11;
    case 2: return 12;
    case 3: return 13;
    case 4: return 14;
    case 5: return 15;
    case 6: return 16;
    case 7: return 17;
    case 8: return 18;
    case 9: return 19;
    case 10: return 20;
    case 11: return 21;
    case 12: return 22;
    case 13: return 23;
    case 14: return 24;
    case 15: return 25;
    default: return 0;
  }
}

int short_switch(int code) {
  switch (code) {  // no-finding
    case 0: return 10;
    case 1: return 11;
    default: return 0;
  }
}
