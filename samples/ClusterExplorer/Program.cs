System.Console.WriteLine("MatterGen cluster explorer (under construction)");
